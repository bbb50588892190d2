#!/usr/bin/env python3
"""Puts the pre-rendered first screen into the built index.html (release builds only).

The calculator's own components render it natively (`cargo run --bin faceid-calculator`
on the host runs src/prerender.rs): the default scenario with its figures, the inputs
and the price tables, and for a page without scripts the announcement's two tables.
It replaces the empty `<div id="app">` of index.html, which the wasm then clears and
renders into; the standalone <noscript> message goes, as the rendered one says more.

Run from scripts/post-build.sh with TRUNK_STAGING_DIR set.
"""

import os
import re
import subprocess
import sys
from pathlib import Path

APP = re.compile(r"<div id=\"?app\"?>\s*</div>")
NOSCRIPT = re.compile(r"<noscript>[^<]*</noscript>")

# The wasm build's settings must not reach the native build of the same crate.
WASM_ONLY = ("RUSTFLAGS", "CARGO_BUILD_TARGET", "CARGO_UNSTABLE_BUILD_STD", "RUSTUP_TOOLCHAIN")


def fail(message):
    sys.exit(f"prerender: {message}")


def first_screen():
    env = {k: v for k, v in os.environ.items() if k not in WASM_ONLY and not k.startswith("CARGO_TARGET_WASM32")}
    done = subprocess.run(
        ["cargo", "run", "--quiet", "--locked", "--bin", "faceid-calculator"],
        env=env,
        capture_output=True,
        text=True,
    )
    if done.returncode != 0:
        fail(f"the native render failed:\n{done.stderr}")
    if "<main" not in done.stdout:
        fail("the native render holds no <main>")
    return done.stdout


def main():
    staging = os.environ.get("TRUNK_STAGING_DIR") or fail("TRUNK_STAGING_DIR is not set")
    index = Path(staging) / "index.html"
    html = index.read_text(encoding="utf-8")
    if len(APP.findall(html)) != 1:
        fail(f'{index} must hold exactly one empty <div id="app">')
    screen = first_screen()
    html = APP.sub(lambda _: f'<div id="app">{screen}</div>', html)
    html = NOSCRIPT.sub("", html, count=1)
    index.write_text(html, encoding="utf-8")


if __name__ == "__main__":
    main()
