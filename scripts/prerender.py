#!/usr/bin/env python3
"""Puts the pre-rendered page into the built index.html (release builds only).

The calculator's own components render it natively (`cargo run --bin faceid-calculator`
on the host runs src/prerender.rs), in two parts: `app`, the default scenario with its
inputs, figures and price tables, goes into the empty `<div id="app">`, marked
`data-pre-rendered` until the wasm replaces it; `scriptless`, the announcement's two tables for a browser without
scripts, replaces index.html's short `<noscript>` message.

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


def part(name):
    env = {k: v for k, v in os.environ.items() if k not in WASM_ONLY and not k.startswith("CARGO_TARGET_WASM32")}
    done = subprocess.run(
        ["cargo", "run", "--quiet", "--locked", "--bin", "faceid-calculator", "--", name],
        env=env,
        capture_output=True,
        text=True,
    )
    if done.returncode != 0:
        fail(f"the native render failed:\n{done.stderr}")
    return done.stdout


def main():
    staging = os.environ.get("TRUNK_STAGING_DIR") or fail("TRUNK_STAGING_DIR is not set")
    index = Path(staging) / "index.html"
    html = index.read_text(encoding="utf-8")
    if len(APP.findall(html)) != 1 or len(NOSCRIPT.findall(html)) != 1:
        fail(f'{index} must hold exactly one empty <div id="app"> and one <noscript>')
    app, scriptless = part("app"), part("scriptless")
    if "<main" not in app or not scriptless.startswith("<noscript>"):
        fail("the native render is not the calculator and its scriptless page")
    html = APP.sub(lambda _: f'<div id="app" data-pre-rendered>{app}</div>', html)
    html = NOSCRIPT.sub(lambda _: scriptless, html)
    index.write_text(html, encoding="utf-8")


if __name__ == "__main__":
    main()
