// The pre-rendered first screen shows the default scenario. A link that names
// its own (any query at all) must not show those figures while the calculator
// loads: this marks the page before it is painted, and the wasm unmarks it.
if (location.search.length > 1) {
  document.documentElement.setAttribute("data-linked", "");
}
