// Runs one wasm32-wasip1 test binary (through scripts/wasi-run.sh, Cargo's runner) under
// node's built-in WASI, so the engine's tests also run where usize is 32 bits wide, as in
// the browser. The binary sees the whole file system under "/" (tests read their files by
// absolute path; a second, relative preopen hides the first from wasi-libc).
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
exit(wasi.start(instance));
