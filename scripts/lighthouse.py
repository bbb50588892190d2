#!/usr/bin/env python3
"""Lighthouse on the release bundle, served gzip-compressed as a real host serves it.

Usage: lighthouse.py DIST [RUNS]

Serves DIST on 127.0.0.1 (every text file and the wasm gzip-compressed at level 9 when
the browser accepts it), runs Lighthouse's mobile performance audit (its default: slow
4G and 4x CPU slowdown, simulated) RUNS times (3 by default) in Debian's Chromium on the
default page and on a linked scenario, and prints each run and the median of:
performance score, first and largest contentful paint, total blocking time and the
longest main-thread task. Lighthouse lists only tasks of 50 ms or more, so "under 50"
means it found none.

A simulated run cannot time what the page itself marks, so the linked scenario is also
audited RUNS times with the same profile applied for real (`--throttling-method=devtools`:
the CPU slowed 4x and the network shaped in the browser to 150 ms and 1.6 Mbps), which
gives "figures ms": when
the live page first showed that scenario's figures (the `faceid-calculator:figures`
User Timing mark). Reports are kept in target/bench/lighthouse-*.json. Measurements
only: nothing here fails on a slow figure.
"""

import gzip
import json
import mimetypes
import os
import statistics
import subprocess
import sys
import tempfile
import threading
from functools import lru_cache
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

COMPRESSED = {".html", ".js", ".css", ".wasm", ".svg", ".json"}
# A shared link: a scenario of its own, with a purchase schedule.
LINKED = "?label=general-verify&volume=6050&months=24"
FIGURES_MARK = "faceid-calculator:figures"
# The phone profile applied for real: Lighthouse's own values for devtools throttling
# add its estimate of a server's time to the round trip (562.5 ms); these are the
# profile's figures as stated (150 ms round trip, 1.6 Mbps down, 4x CPU), which the
# simulated runs model.
APPLIED_PROFILE = [
    "--throttling.requestLatencyMs=150",
    "--throttling.downloadThroughputKbps=1600",
    "--throttling.uploadThroughputKbps=750",
    "--throttling.cpuSlowdownMultiplier=4",
]
CHROME_FLAGS = "--headless=new --no-sandbox --disable-gpu --disable-background-networking --disable-component-update --disable-sync --no-first-run"
mimetypes.add_type("application/wasm", ".wasm")
mimetypes.add_type("text/javascript", ".js")


def handler_for(root):
    @lru_cache(maxsize=None)
    def body(path, compressed):
        data = path.read_bytes()
        return gzip.compress(data, 9) if compressed else data

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):
            relative = self.path.split("?", 1)[0].lstrip("/") or "index.html"
            path = (root / relative).resolve()
            if path.is_dir():
                path = path / "index.html"
            if root not in path.parents or not path.is_file():
                self.send_error(404)
                return
            compressed = path.suffix in COMPRESSED and "gzip" in self.headers.get("Accept-Encoding", "")
            data = body(path, compressed)
            self.send_response(200)
            self.send_header("Content-Type", mimetypes.guess_type(path.name)[0] or "application/octet-stream")
            self.send_header("Content-Length", str(len(data)))
            if compressed:
                self.send_header("Content-Encoding", "gzip")
            self.send_header("Cache-Control", "no-cache")
            self.end_headers()
            self.wfile.write(data)

        def log_message(self, *args):
            pass

    return Handler


def audit(url, report, throttling="simulate"):
    with tempfile.TemporaryDirectory() as profile:
        subprocess.run(
            [
                "lighthouse", url, "--quiet", "--only-categories=performance",
                "--output=json", f"--output-path={report}",
                f"--throttling-method={throttling}",
                *(APPLIED_PROFILE if throttling == "devtools" else []),
                f"--chrome-flags={CHROME_FLAGS} --user-data-dir={profile}",
            ],
            env={**os.environ, "CHROME_PATH": os.environ.get("CHROME_PATH", "/usr/bin/chromium")},
            check=True,
        )
    result = json.loads(Path(report).read_text())
    audits = result["audits"]
    tasks = [item["duration"] for item in (audits["long-tasks"].get("details") or {}).get("items", [])]
    figures = {
        "performance": result["categories"]["performance"]["score"],
        "FCP ms": audits["first-contentful-paint"]["numericValue"],
        "LCP ms": audits["largest-contentful-paint"]["numericValue"],
        "TBT ms": audits["total-blocking-time"]["numericValue"],
        "longest task ms": max(tasks, default=0.0),
    }
    if throttling == "devtools":
        marks = (audits.get("user-timings", {}).get("details") or {}).get("items", [])
        shown_at = [m["startTime"] for m in marks if m.get("name") == FIGURES_MARK]
        figures["figures ms"] = min(shown_at, default=float("nan"))
    return figures


def audits(label, url, runs, out, throttling="simulate"):
    """Prints each of `runs` audits of `url` and their median."""
    print(f"-- {label}", flush=True)
    results = []
    for n in range(1, runs + 1):
        slug = label.split(" ")[0]
        figures = audit(url, out / f"lighthouse-{slug}-{throttling}-{n}.json", throttling)
        results.append(figures)
        print(f"run {n}: " + ", ".join(f"{k} {shown(k, v)}" for k, v in figures.items()), flush=True)
    print(f"median of {runs}: " + ", ".join(
        f"{k} {shown(k, statistics.median(r[k] for r in results))}" for k in results[0]))


def shown(name, value):
    if name == "performance":
        return f"{value:.2f}"
    if name == "longest task ms" and value < 50:
        return "under 50"
    return f"{value:.0f}"


def main():
    dist = Path(sys.argv[1]).resolve()
    runs = int(sys.argv[2]) if len(sys.argv) > 2 else 3
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler_for(dist))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    url = f"http://127.0.0.1:{server.server_address[1]}/"
    out = Path("target/bench")
    out.mkdir(parents=True, exist_ok=True)
    audits("default page, simulated", url, runs, out)
    audits(f"linked {LINKED}, simulated", url + LINKED, runs, out)
    audits(f"linked {LINKED}, applied (devtools)", url + LINKED, runs, out, "devtools")
    server.shutdown()


if __name__ == "__main__":
    main()
