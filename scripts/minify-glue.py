#!/usr/bin/env python3
"""Trunk post_build hook, release builds only: minifies wasm-bindgen's JS glue.

trunk's own JS minifier gives up on the glue ("Failed to minify JS:
RequiredTokenNotFound(Identifier)" on its `export default`), so the glue would
ship as written: 36 KB raw, 6.5 KB gzip. esbuild (installed by
scripts/setup-serve.sh) minifies it to about 5.2 KB gzip, keeping the module's
export names, which the loader imports. The file keeps its name; its
Subresource Integrity hash in index.html's modulepreload link is recomputed.

Trunk runs this with TRUNK_STAGING_DIR set (see Trunk.toml).
"""

import base64
import hashlib
import os
import re
import subprocess
import sys
from pathlib import Path

PRELOAD = re.compile(r"<link\b[^>]*\brel=\"?modulepreload\"?[^>]*>", re.I)
HREF = re.compile(r"\bhref=\"?([^\"\s>]+)")
INTEGRITY = re.compile(r"\bintegrity=\"?([^\"\s>]+)\"?")


def fail(message):
    sys.exit(f"minify-glue: {message}")


def sri(data):
    return "sha384-" + base64.b64encode(hashlib.sha384(data).digest()).decode()


def main():
    staging = Path(os.environ.get("TRUNK_STAGING_DIR") or fail("TRUNK_STAGING_DIR is not set"))
    index = staging / "index.html"
    html = index.read_text(encoding="utf-8")
    links = PRELOAD.findall(html)
    if len(links) != 1:
        fail(f"expected one modulepreload link (the glue) in index.html, found {len(links)}")
    link = links[0]
    href, integrity = HREF.search(link), INTEGRITY.search(link)
    if not href or not integrity:
        fail(f"the glue's link has no href or no integrity: {link}")
    glue = staging / href[1].rsplit("/", 1)[-1]
    if sri(glue.read_bytes()) != integrity[1]:
        fail(f"{glue.name} does not match its integrity hash before minifying")
    try:
        run = subprocess.run(
            ["esbuild", str(glue), "--minify", "--format=esm", "--log-level=warning"],
            capture_output=True,
        )
    except FileNotFoundError:
        fail("esbuild is missing: run scripts/setup-serve.sh")
    if run.returncode != 0 or not run.stdout:
        fail(f"esbuild failed on {glue.name}: {run.stderr.decode(errors='replace')}")
    minified = run.stdout
    glue.write_bytes(minified)
    new_link = link.replace(integrity[1], sri(minified))
    index.write_text(html.replace(link, new_link), encoding="utf-8")


if __name__ == "__main__":
    main()
