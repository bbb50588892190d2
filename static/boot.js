// Runs before the first paint (blocking on purpose, and tiny).
//
// 1. The pre-rendered first screen shows the default scenario. A link that names its own
//    (any query at all) must not show those figures while the calculator loads: this marks
//    the page, and the wasm unmarks it.
// 2. Release builds abort on a panic without a message (scripts/dist.py), and a
//    wasm that fails to load leaves only the pre-rendered page. Either way the page must
//    not look alive: a trap, a failed start (the loader's `faceid-calculator:failed`) or a
//    missing WebAssembly marks the page `data-failed`, which shows index.html's message.
//    Its figures need the wasm, so the download starts now, while the HTML is parsed, with
//    the name and integrity hash that scripts/dist.py (its "externalize" stage) put on this tag
//    (the default page fetches it after its first paint instead).
(function () {
  var root = document.documentElement;
  var me = document.currentScript;
  var wasm = me && me.getAttribute("data-wasm");
  if (location.search.length > 1) {
    root.setAttribute("data-linked", "");
    if (wasm) {
      var link = document.createElement("link");
      link.rel = "preload";
      link.as = "fetch";
      link.crossOrigin = "anonymous";
      link.integrity = me.getAttribute("data-wasm-integrity");
      link.href = wasm;
      document.head.appendChild(link);
    }
  }
  function fail() {
    root.setAttribute("data-failed", "");
  }
  // A trap is a RuntimeError; a stack overflow inside the wasm is another error whose
  // stack names a wasm function.
  function fromWasm(error) {
    return (typeof WebAssembly === "object" && error instanceof WebAssembly.RuntimeError) ||
      /wasm-function|\.wasm/.test(String(error && error.stack));
  }
  if (typeof WebAssembly !== "object") {
    fail();
  }
  addEventListener("error", function (event) { if (fromWasm(event.error)) fail(); });
  addEventListener("unhandledrejection", function (event) { if (fromWasm(event.reason)) fail(); });
  addEventListener("faceid-calculator:failed", fail);
  // The wasm memory's size, for the browser tests' soak and the bench (docs/contracts.md, "Test hooks").
  addEventListener("TrunkApplicationStarted", function (event) {
    var memory = event.detail && event.detail.wasm && event.detail.wasm.memory;
    window.faceidCalculator = { wasmMemory: memory };
  });
})();
