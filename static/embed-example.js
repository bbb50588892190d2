// Fits each calculator frame on this page to the height its calculator reports.
//
// The calculator posts {type: "faceid-calculator:resize", height: <px>} to its parent
// page whenever its height changes. A message is obeyed only if it comes from the
// calculator's origin and from one of this page's calculator frames.
//
// On another site, set CALCULATOR_ORIGIN to the origin that serves the calculator,
// e.g. "https://tools.example.com".
"use strict";

const CALCULATOR_ORIGIN = window.location.origin;

window.addEventListener("message", (event) => {
  if (event.origin !== CALCULATOR_ORIGIN) return;
  const data = event.data;
  if (!data || data.type !== "faceid-calculator:resize") return;
  const height = Number(data.height);
  if (!Number.isFinite(height) || height <= 0) return;
  for (const frame of document.querySelectorAll("iframe.faceid-calculator")) {
    if (frame.contentWindow === event.source) {
      frame.style.height = `${Math.ceil(height)}px`;
    }
  }
});
