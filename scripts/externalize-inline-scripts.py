#!/usr/bin/env python3
"""Trunk post_build hook: moves the inline scripts of the built index.html into files.

trunk 0.21 writes its wasm loader inline into index.html (and, under `trunk serve`,
its auto-reload client too). The page's Content-Security-Policy (the <meta> in
index.html) lets scripts come from the page's own origin only, so the browser would
refuse them. This hook writes each one to `loader-<hash>.js` (or `autoreload-<hash>.js`)
in trunk's staging directory and replaces it with `<script src=...>` under the public
URL, carrying a Subresource Integrity hash like trunk's own links.

Any other inline script, and any inline style, fails the build: the CSP would block it.

The default page fetches the wasm only once it has painted: the loader waits for the first
frame, and trunk's `<link rel="preload">` of the wasm goes (the loader fetches it with the
same integrity hash instead). The pre-rendered page (scripts/prerender.py) is complete
without it, and a download that starts before the first paint would compete with it on a
slow connection. A link to a scenario (any query) needs the wasm for its figures: the wasm's
name and hash go onto static/boot.js's tag, whose script preloads it while the HTML is
parsed, and the loader does not wait.

Trunk runs this with TRUNK_STAGING_DIR and TRUNK_PUBLIC_URL set (see Trunk.toml).
"""

import base64
import hashlib
import os
import re
import sys
from pathlib import Path

SCRIPT = re.compile(r"<script\b(?P<attrs>[^>]*)>(?P<body>.*?)</script\s*>", re.S | re.I)
HAS_SRC = re.compile(r"\ssrc\s*=", re.I)
INLINE_STYLE = re.compile(r"<style\b|\sstyle\s*=", re.I)
LINK = re.compile(r"<link\b[^>]*>", re.I)
ATTRIBUTE = r"\b{}=(?:\"([^\"]*)\"|([^\s>]+))"
WASM_INIT = re.compile(r"await init\(\{ module_or_path: '([^']+\.wasm)' \}\)")

# What the loader of the default page waits for before it fetches the wasm: the first
# frame, or 200 ms in a background tab (which draws no frames). A linked page
# (static/boot.js marks it) has its download under way already.
AFTER_FIRST_PAINT = (
    "if (!document.documentElement.hasAttribute('data-linked')) "
    "await new Promise(resolve => { requestAnimationFrame(() => setTimeout(resolve)); "
    "setTimeout(resolve, 200); });\n"
)
BOOT_SCRIPT = re.compile(r"<script\b(?=[^>]*\ssrc=[\"']?[^\s>\"']*boot-[0-9a-f]+\.js)", re.I)

# A wasm that cannot be fetched, compiled or started (a trap in its first render) tells
# static/boot.js, which shows the page's failure message; the error still reaches the console.
ON_FAILURE = (
    '.catch(error => { dispatchEvent(new CustomEvent("faceid-calculator:failed")); throw error; })'
)

# The auto-reload client of `trunk serve` names its server with placeholders that trunk
# fills in only in HTML responses; in a .js file they must be filled in here.
TRUNK_ADDRESS = "'{{__TRUNK_ADDRESS__}}'"
TRUNK_WS_BASE = "{{__TRUNK_WS_BASE__}}"


def fail(message):
    sys.exit(f"externalize-inline-scripts: {message}")


def kind_of(body):
    """'loader' for trunk's wasm loader, 'autoreload' for its reload client, else None."""
    if "TrunkApplicationStarted" in body:
        return "loader"
    if TRUNK_ADDRESS in body:
        return "autoreload"
    return None


def attribute(tag, name):
    found = re.search(ATTRIBUTE.format(name), tag)
    return found and (found[1] or found[2])


def is_wasm_preload(tag):
    return attribute(tag, "rel") == "preload" and (attribute(tag, "href") or "").endswith(".wasm")


def fetch_after_paint(body, wasm_integrity):
    """The loader, changed to fetch the wasm (with its integrity hash) after the first paint,
    and to report a failed start."""
    if not WASM_INIT.search(body):
        fail("trunk's loader no longer calls init({ module_or_path: '...wasm' }): update this hook")
    body = WASM_INIT.sub(lambda m: f"await init({{ module_or_path: fetch('{m[1]}', {{ integrity: '{wasm_integrity}' }}) }}){ON_FAILURE}", body)
    # After the static import, which must stay first in a module.
    first_line_end = body.index("\n") + 1
    return body[:first_line_end] + AFTER_FIRST_PAINT + body[first_line_end:]


def externalize(match, staging, public_url, wasm_integrity):
    attrs, body = match["attrs"], match["body"]
    if HAS_SRC.search(attrs):
        return match[0]
    kind = kind_of(body)
    if kind is None:
        fail(f"unexpected inline script in index.html, move it into a file: {body.strip()[:120]!r}")
    if kind == "loader":
        body = fetch_after_paint(body.strip(), wasm_integrity)
    if kind == "autoreload":
        ws_base = public_url if public_url.startswith("/") else "/"
        body = body.replace(TRUNK_ADDRESS, "window.location.host").replace(TRUNK_WS_BASE, ws_base)
    code = body.strip() + "\n"
    data = code.encode("utf-8")
    name = f"{kind}-{hashlib.sha256(data).hexdigest()[:16]}.js"
    (staging / name).write_bytes(data)
    integrity = "sha384-" + base64.b64encode(hashlib.sha384(data).digest()).decode("ascii")
    return f'<script{attrs} src="{public_url}{name}" integrity="{integrity}"></script>'


def main():
    staging = Path(os.environ.get("TRUNK_STAGING_DIR") or fail("TRUNK_STAGING_DIR is not set"))
    public_url = os.environ.get("TRUNK_PUBLIC_URL") or "/"
    index = staging / "index.html"
    html = index.read_text(encoding="utf-8")
    preloads = [tag for tag in LINK.findall(html) if is_wasm_preload(tag)]
    if len(preloads) != 1 or not attribute(preloads[0], "integrity"):
        fail(f"expected one preload of the wasm with an integrity hash, found {preloads}")
    wasm_integrity = attribute(preloads[0], "integrity")
    html = html.replace(preloads[0], "")
    boot_tags = BOOT_SCRIPT.findall(html)
    if len(boot_tags) != 1:
        fail(f"expected one static/boot.js script, found {len(boot_tags)}")
    wasm_href = attribute(preloads[0], "href")
    html = BOOT_SCRIPT.sub(
        f'<script data-wasm="{wasm_href}" data-wasm-integrity="{wasm_integrity}"', html
    )
    html = SCRIPT.sub(lambda m: externalize(m, staging, public_url, wasm_integrity), html)
    style = INLINE_STYLE.search(html)
    if style:
        fail(f"inline style in index.html (the CSP blocks it): {html[style.start():][:80]!r}")
    index.write_text(html, encoding="utf-8")


if __name__ == "__main__":
    main()
