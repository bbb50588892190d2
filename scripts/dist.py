#!/usr/bin/env python3
"""The release bundle, in named stages: the one entry point of `make dist`,
`make test`, `make bench` and trunk's post-build hook alike.

    python3 scripts/dist.py build [--dist DIR] [--public-url URL]
    python3 scripts/dist.py post-build        (trunk's hook, from Trunk.toml)

`build` runs, in turn:

1. pre-render: the calculator's own components render the page natively
   (src/prerender.rs, on the default toolchain): `app`, the default scenario,
   and `scriptless`, the announcement's tables for a browser without scripts,
   into target/prerender/.
2. trunk: `trunk build --release` with the options given, its wasm built by a
   pinned nightly that rebuilds the standard library with panics that abort at
   once: about 20 KB less gzip than stable (docs/performance.md, "Bundle
   size"). A panic then stops the page without a message, which the page,
   whose errors are values, does not rely on. Trunk then runs `post-build`.

`post-build` rewrites the staged index.html, parsed as HTML (Python's own
parser), in turn:

1. externalize (every build, `trunk serve` too): trunk 0.21 writes its wasm
   loader (and, under `trunk serve`, its auto-reload client) inline; the
   page's Content-Security-Policy lets scripts come from its own origin only,
   so each goes into a file (`loader-<hash>.js`) with a Subresource Integrity
   hash. Any other inline script or inline style fails the build. The default
   page fetches the wasm only once it has painted (trunk's preload of it goes;
   the loader fetches it with the same hash); on a link, static/boot.js
   preloads it while the HTML is parsed, from the name and hash put on its tag.
2. minify glue (release): trunk's minifier gives up on wasm-bindgen's glue;
   esbuild (scripts/setup-serve.sh) minifies it, 6.5 to 5.2 KB gzip, and its
   hash in the modulepreload link is recomputed.
3. pre-rendered page (release): the parts from build's first stage go into
   `<div id="app">` (marked `data-pre-rendered` until the wasm replaces it) and
   in place of the short `<noscript>` message.

`build` then ends with

3. inline boot (release): static/boot.js, minified, goes inline into the
   finished index.html, and its SHA-256 joins the policy's `script-src`. Run
   after trunk's HTML minifier, which would change the hashed text. On a link
   the wasm download then starts as the HTML is parsed, without waiting a
   round trip for boot.js (about 160 ms on the phone profile).
"""

import argparse
import base64
import hashlib
import html
import os
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# Pinned here, and only here (scripts/setup-serve.sh reads it).
RELEASE_TOOLCHAIN = "nightly-2026-05-19"

# Where the pre-render stage leaves the page's parts for the post-build hook.
PRERENDER_DIR = ROOT / "target" / "prerender"
PARTS = ("app", "scriptless")

# What the loader of the default page waits for before it fetches the wasm: the first
# frame, or 200 ms in a background tab (which draws no frames). A linked page
# (static/boot.js marks it) has its download under way already.
AFTER_FIRST_PAINT = (
    "if (!document.documentElement.hasAttribute('data-linked')) "
    "await new Promise(resolve => { requestAnimationFrame(() => setTimeout(resolve)); "
    "setTimeout(resolve, 200); });\n"
)

# A wasm that cannot be fetched, compiled or started (a trap in its first render) tells
# static/boot.js, which shows the page's failure message; the error still reaches the console.
ON_FAILURE = (
    '.catch(error => { dispatchEvent(new CustomEvent("faceid-calculator:failed")); throw error; })'
)

# How trunk's loader starts the wasm, and what it starts it with instead.
WASM_INIT_START = "await init({ module_or_path: '"
WASM_INIT_END = "' })"

# The auto-reload client of `trunk serve` names its server with placeholders that trunk
# fills in only in HTML responses; in a .js file they must be filled in here.
TRUNK_ADDRESS = "'{{__TRUNK_ADDRESS__}}'"
TRUNK_WS_BASE = "{{__TRUNK_WS_BASE__}}"


def fail(stage, message):
    sys.exit(f"dist.py, {stage}: {message}")


def stage(name):
    print(f"dist.py: {name}", file=sys.stderr, flush=True)


def sri(data):
    return "sha384-" + base64.b64encode(hashlib.sha384(data).digest()).decode("ascii")


class Element:
    """An element of the page: its tag, attributes, and where it and its content are."""

    def __init__(self, tag, attrs, start, content_start):
        self.tag = tag
        self.attrs = dict(attrs)
        self.start = start
        self.content_start = content_start
        self.content_end = content_start
        self.end = content_start

    def attr(self, name):
        return self.attrs.get(name)


class Page(HTMLParser):
    """index.html parsed into elements with their character offsets, for rewriting."""

    VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "wbr"}

    def __init__(self, text):
        super().__init__(convert_charrefs=False)
        self.text = text
        self.line_starts = [0]
        for index, char in enumerate(text):
            if char == "\n":
                self.line_starts.append(index + 1)
        self.elements = []
        self.open = []
        self.feed(text)
        self.close()

    def at(self):
        line, column = self.getpos()
        return self.line_starts[line - 1] + column

    def handle_starttag(self, tag, attrs):
        start = self.at()
        element = Element(tag, attrs, start, start + len(self.get_starttag_text()))
        self.elements.append(element)
        if tag not in self.VOID:
            self.open.append(element)

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if self.open and self.open[-1].tag == tag:
            self.open.pop()

    def handle_endtag(self, tag):
        start = self.at()
        while self.open:
            element = self.open.pop()
            if element.tag == tag:
                element.content_end = start
                element.end = self.text.index(">", start) + 1
                return

    def find(self, tag, **attrs):
        """The elements of `tag` whose attributes have the given values (True: present)."""
        def matches(element):
            return element.tag == tag and all(
                (name in element.attrs) if value is True else element.attr(name) == value
                for name, value in attrs.items()
            )
        return [element for element in self.elements if matches(element)]

    def content(self, element):
        return self.text[element.content_start:element.content_end]


def rewrite(text, edits):
    """`text` with each `(start, end, replacement)` applied; the edits must not overlap."""
    for start, end, replacement in sorted(edits, reverse=True):
        text = text[:start] + replacement + text[end:]
    return text


def quoted(value):
    """An attribute value for double quotes; single quotes stay, so the policy reads as written."""
    return html.escape(value, quote=False).replace('"', "&quot;")


def start_tag(element, **changes):
    """The element's start tag written anew, with attributes changed, added or (None) removed."""
    attrs = {**element.attrs, **changes}
    written = "".join(
        f" {name}" if value is None else f' {name}="{quoted(value)}"'
        for name, value in attrs.items()
        if not (name in changes and changes[name] is None)
    )
    return f"<{element.tag}{written}>"


# ---- post-build stages ------------------------------------------------------------------


def externalize(staging, public_url):
    """Stage 1: trunk's inline scripts into files; the wasm fetched after the first paint."""
    name = "externalize"
    index = staging / "index.html"
    page = Page(index.read_text(encoding="utf-8"))
    preloads = [link for link in page.find("link", rel="preload")
                if (link.attr("href") or "").endswith(".wasm")]
    if len(preloads) != 1 or not preloads[0].attr("integrity"):
        fail(name, f"expected one preload of the wasm with an integrity hash, found {len(preloads)}")
    wasm_href, wasm_integrity = preloads[0].attr("href"), preloads[0].attr("integrity")
    edits = [(preloads[0].start, preloads[0].end, "")]
    boots = [script for script in page.find("script")
             if "/boot-" in (script.attr("src") or "") or (script.attr("src") or "").startswith("boot-")]
    if len(boots) != 1:
        fail(name, f"expected one static/boot.js script, found {len(boots)}")
    boot = boots[0]
    edits.append((boot.start, boot.content_start,
                  start_tag(boot, **{"data-wasm": wasm_href, "data-wasm-integrity": wasm_integrity})))
    for script in page.find("script"):
        if script.attr("src") is not None:
            continue
        edits.append((script.start, script.end,
                      external_script(name, script, page.content(script), staging, public_url, wasm_integrity)))
    styled = page.find("style") + [element for element in page.elements if "style" in element.attrs]
    if styled:
        fail(name, f"inline style in index.html (the CSP blocks it): <{styled[0].tag}>")
    index.write_text(rewrite(page.text, edits), encoding="utf-8")


def external_script(name, script, body, staging, public_url, wasm_integrity):
    """The `<script src>` that replaces an inline one, its code written to a file."""
    if "TrunkApplicationStarted" in body:
        kind, body = "loader", fetch_after_paint(name, body.strip(), wasm_integrity)
    elif TRUNK_ADDRESS in body:
        ws_base = public_url if public_url.startswith("/") else "/"
        kind = "autoreload"
        body = body.replace(TRUNK_ADDRESS, "window.location.host").replace(TRUNK_WS_BASE, ws_base)
    else:
        fail(name, f"unexpected inline script in index.html, move it into a file: {body.strip()[:120]!r}")
    data = (body.strip() + "\n").encode("utf-8")
    file_name = f"{kind}-{hashlib.sha256(data).hexdigest()[:16]}.js"
    (staging / file_name).write_bytes(data)
    return start_tag(script, src=f"{public_url}{file_name}", integrity=sri(data)) + "</script>"


def fetch_after_paint(name, body, wasm_integrity):
    """The loader, changed to fetch the wasm (with its integrity hash) after the first
    paint, and to report a failed start."""
    start = body.find(WASM_INIT_START)
    end = body.find(WASM_INIT_END, start + len(WASM_INIT_START))
    if start < 0 or end < 0 or not body[start + len(WASM_INIT_START):end].endswith(".wasm"):
        fail(name, "trunk's loader no longer calls init({ module_or_path: '...wasm' }): update this stage")
    wasm = body[start + len(WASM_INIT_START):end]
    fetched = (f"await init({{ module_or_path: fetch('{wasm}', {{ integrity: '{wasm_integrity}' }}) }})"
               f"{ON_FAILURE}")
    body = body[:start] + fetched + body[end + len(WASM_INIT_END):]
    # After the static import, which must stay first in a module.
    first_line_end = body.index("\n") + 1
    return body[:first_line_end] + AFTER_FIRST_PAINT + body[first_line_end:]


def minify_glue(staging):
    """Stage 2 (release): wasm-bindgen's JS glue minified by esbuild, its hash recomputed."""
    name = "minify glue"
    index = staging / "index.html"
    page = Page(index.read_text(encoding="utf-8"))
    links = page.find("link", rel="modulepreload")
    if len(links) != 1:
        fail(name, f"expected one modulepreload link (the glue) in index.html, found {len(links)}")
    link = links[0]
    href, integrity = link.attr("href"), link.attr("integrity")
    if not href or not integrity:
        fail(name, "the glue's link has no href or no integrity")
    glue = staging / href.rsplit("/", 1)[-1]
    if sri(glue.read_bytes()) != integrity:
        fail(name, f"{glue.name} does not match its integrity hash before minifying")
    minified_glue = minified(name, glue, "--format=esm").encode("utf-8")
    glue.write_bytes(minified_glue)
    edit = (link.start, link.end, start_tag(link, integrity=sri(minified_glue)))
    index.write_text(rewrite(page.text, [edit]), encoding="utf-8")


def insert_prerendered(staging):
    """Stage 3 (release): the natively rendered parts into index.html."""
    name = "pre-rendered page"
    parts = {}
    for part in PARTS:
        path = PRERENDER_DIR / f"{part}.html"
        if not path.is_file():
            fail(name, f"{path} is missing: build the release bundle with `python3 scripts/dist.py build`")
        parts[part] = path.read_text(encoding="utf-8")
    if "<main" not in parts["app"] or not parts["scriptless"].startswith("<noscript>"):
        fail(name, "the native render is not the calculator and its scriptless page")
    index = staging / "index.html"
    page = Page(index.read_text(encoding="utf-8"))
    apps, noscripts = page.find("div", id="app"), page.find("noscript")
    if len(apps) != 1 or page.content(apps[0]).strip() or len(noscripts) != 1:
        fail(name, f'{index} must hold exactly one empty <div id="app"> and one <noscript>')
    app, noscript = apps[0], noscripts[0]
    edits = [
        (app.start, app.end, f'<div id="app" data-pre-rendered>{parts["app"]}</div>'),
        (noscript.start, noscript.end, parts["scriptless"]),
    ]
    index.write_text(rewrite(page.text, edits), encoding="utf-8")


def post_build():
    staging = Path(os.environ.get("TRUNK_STAGING_DIR") or fail("post-build", "TRUNK_STAGING_DIR is not set"))
    public_url = os.environ.get("TRUNK_PUBLIC_URL") or "/"
    stage("externalize")
    externalize(staging, public_url)
    # Release builds only: `trunk serve` stays quick and shows the live page at once.
    if os.environ.get("TRUNK_PROFILE") == "release":
        stage("minify glue")
        minify_glue(staging)
        stage("pre-rendered page")
        insert_prerendered(staging)


# ---- build stages -----------------------------------------------------------------------


def prerender():
    """Stage 1: the page's parts, rendered natively on the default toolchain."""
    PRERENDER_DIR.mkdir(parents=True, exist_ok=True)
    for part in PARTS:
        done = subprocess.run(
            ["cargo", "run", "--quiet", "--locked", "--bin", "faceid-calculator", "--", part],
            cwd=ROOT, capture_output=True, text=True,
        )
        if done.returncode != 0:
            fail("pre-render", f"the native render failed:\n{done.stderr}")
        (PRERENDER_DIR / f"{part}.html").write_text(done.stdout, encoding="utf-8")


def trunk(options):
    """Stage 2: trunk with the pinned nightly for the wasm; it runs `post-build`."""
    env = dict(os.environ)
    env.update({
        "RUSTUP_TOOLCHAIN": RELEASE_TOOLCHAIN,
        "CARGO_UNSTABLE_BUILD_STD": "std,panic_abort",
        # For the wasm only: build scripts keep their own flags.
        "CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS": "-Zunstable-options -Cpanic=immediate-abort",
    })
    try:
        done = subprocess.run(["trunk", "build", "--release", *options], cwd=ROOT, env=env)
    except FileNotFoundError:
        fail("trunk", "trunk is missing: run scripts/setup-serve.sh")
    if done.returncode != 0:
        sys.exit(done.returncode)


def build(arguments):
    stage("pre-render")
    prerender()
    stage("trunk")
    options = []
    if arguments.dist:
        options += ["--dist", arguments.dist]
    if arguments.public_url:
        options += ["--public-url", arguments.public_url]
    trunk(options)
    stage("inline boot")
    inline_boot(ROOT / (arguments.dist or "dist"))


def inline_boot(dist):
    """Stage 3 (release): static/boot.js inline in index.html, allowed by its hash."""
    name = "inline boot"
    index = dist / "index.html"
    page = Page(index.read_text(encoding="utf-8"))
    boots = [script for script in page.find("script", **{"data-wasm": True}) if script.attr("src")]
    policies = page.find("meta", **{"http-equiv": "Content-Security-Policy"})
    if len(boots) != 1 or len(policies) != 1:
        fail(name, f"expected one boot script and one policy, found {len(boots)} and {len(policies)}")
    boot, policy = boots[0], policies[0]
    boot_file = dist / boot.attr("src").rsplit("/", 1)[-1]
    if sri(boot_file.read_bytes()) != boot.attr("integrity"):
        fail(name, f"{boot_file.name} does not match its integrity hash")
    body = minified(name, boot_file).strip()
    if "</script" in body.lower():
        fail(name, "boot.js holds a closing script tag and cannot go inline")
    digest = base64.b64encode(hashlib.sha256(body.encode("utf-8")).digest()).decode("ascii")
    directives = policy.attr("content").split(";")
    scripts = [at for at, directive in enumerate(directives) if directive.strip().startswith("script-src ")]
    if len(scripts) != 1:
        fail(name, "the policy has no single script-src directive")
    directives[scripts[0]] = f"{directives[scripts[0]].rstrip()} 'sha256-{digest}'"
    edits = [
        (boot.start, boot.end, start_tag(boot, src=None, integrity=None) + body + "</script>"),
        (policy.start, policy.end, start_tag(policy, content=";".join(directives))),
    ]
    index.write_text(rewrite(page.text, edits), encoding="utf-8")
    boot_file.unlink()


def minified(name, script, *options):
    """A script's text minified by esbuild."""
    try:
        run = subprocess.run(["esbuild", str(script), "--minify", *options, "--log-level=warning"],
                             capture_output=True)
    except FileNotFoundError:
        fail(name, "esbuild is missing: run scripts/setup-serve.sh")
    if run.returncode != 0 or not run.stdout:
        fail(name, f"esbuild failed on {script.name}: {run.stderr.decode(errors='replace')}")
    return run.stdout.decode("utf-8")


def main():
    parser = argparse.ArgumentParser(description="The release bundle, in named stages.")
    commands = parser.add_subparsers(dest="command", required=True)
    built = commands.add_parser("build", help="the release bundle (pre-render, then trunk)")
    built.add_argument("--dist", help="the folder to build into (trunk's default: dist)")
    built.add_argument("--public-url", help="where the bundle is served from (default /)")
    commands.add_parser("post-build", help="trunk's hook: rewrites the staged index.html")
    arguments = parser.parse_args()
    if arguments.command == "build":
        build(arguments)
    else:
        post_build()


if __name__ == "__main__":
    main()
