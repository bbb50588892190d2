// Runs one wasm32-wasip1 test binary (through scripts/wasi-run.sh, Cargo's runner) under
// node's built-in WASI, so the engine's tests also run where usize is 32 bits wide, as in
// the browser. The binary sees the whole file system under "/" (tests read their files by
// absolute path; a second, relative preopen hides the first from wasi-libc).
import { writeFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { argv, cwd, env, exit } from "node:process";
import { WASI } from "node:wasi";

const [binary, ...args] = argv.slice(2);
const wasi = new WASI({
  version: "preview1",
  args: [binary, ...args],
  env,
  preopens: { "/": "/" },
  returnOnExit: true,
});
const module = await WebAssembly.compile(await readFile(binary));
const instance = await WebAssembly.instantiate(module, wasi.getImportObject());
const code = wasi.start(instance);
// Node has crashed (SIGSEGV) while exiting after a long, memory-hungry binary had
// finished: the binary's own exit code is written first, for scripts/wasi-run.sh.
if (env.WASI_RUN_VERDICT) writeFileSync(env.WASI_RUN_VERDICT, String(code));
exit(code);
