"""The exported HTML in a real browser: headless Chromium, every host name resolved to a
local server that records each request. Nothing may run and nothing may be fetched but the
page and its own images."""

from __future__ import annotations

import os
import shutil
import subprocess
import threading
from dataclasses import replace
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from editor_app.core.publish.html import render_document
from tests.core.publish.fixtures import OPTIONS, golden_article, hostile_article

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CANARY = ("<script>document.title='PWNED'</script>"
          "<img src=x onerror=\"document.body.setAttribute('data-pwned','1')\">"
          "[x](javascript:document.body.setAttribute('data-pwned','2'))")


def _need_chromium() -> None:
    if not Path(CHROMIUM).exists():
        if os.environ.get("CI"):
            pytest.fail("chromium is missing in CI (Debian package chromium)")
        pytest.skip("chromium (Debian package) is not installed")


class _Site:
    def __init__(self, files: dict[str, bytes]) -> None:
        self.requests: list[tuple[str, str]] = []
        site = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                site.requests.append((self.headers.get("Host", ""), self.path))
                body = files.get(self.path)
                self.send_response(200 if body is not None else 404)
                self.end_headers()
                self.wfile.write(body or b"")

            def log_message(self, *args: object) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.port = self.server.server_address[1]
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


def _chromium(url: str, port: int, tmp_path: Path, *extra: str) -> str:
    result = subprocess.run(
        [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
         f"--user-data-dir={tmp_path / 'chrome'}", "--disable-background-networking",
         "--disable-component-update",
         f"--host-resolver-rules=MAP * 127.0.0.1:{port}", "--virtual-time-budget=3000",
         *extra, url],
        capture_output=True, text=True, timeout=120)
    return result.stdout


def _files(article) -> dict[str, bytes]:
    files = {"/article.html": render_document(article, OPTIONS).encode("utf-8")}
    files.update({f"/{image.entry}": image.data for image in article.images})
    return files


def test_hostile_page_runs_nothing_and_fetches_nothing_remote(tmp_path: Path) -> None:
    _need_chromium()
    article = hostile_article()
    article = replace(article, data=replace(article.data,
                                            body=article.data.body + "\n" + CANARY + "\n"))
    site = _Site(_files(article))
    try:
        dom = _chromium(f"http://127.0.0.1:{site.port}/article.html", site.port, tmp_path,
                        "--dump-dom")
    finally:
        site.close()
    assert "<article>" in dom  # the page did load
    assert "data-pwned" not in dom.split("<body", 1)[1].split(">", 1)[0]
    assert "<title>PWNED</title>" not in dom
    # Chromium's own background calls (network time, components) are not the page's
    page = [(h, p) for h, p in site.requests if not h.endswith(".google.com")]
    hosts = {host for host, _path in page}
    assert hosts <= {f"127.0.0.1:{site.port}"}, site.requests
    paths = {path for _host, path in page}
    assert paths <= {"/article.html", "/favicon.ico", "/images/0-evil_script_.png"}, paths


def test_screenshot_of_the_golden_page(tmp_path: Path) -> None:
    """Renders the page for a person to look at (path printed; Devanagari shaping)."""
    _need_chromium()
    site = _Site(_files(golden_article()))
    shot = Path(os.environ.get("SAMPADAK_SCREENSHOT_DIR", tmp_path)) / "publish-article.png"
    try:
        _chromium(f"http://127.0.0.1:{site.port}/article.html", site.port, tmp_path,
                  f"--screenshot={shot}", "--window-size=900,1500")
    finally:
        site.close()
    assert shot.exists() and shot.stat().st_size > 10_000
    assert {p for _h, p in site.requests} >= {"/article.html", "/images/0-naksha_diyara.png"}
