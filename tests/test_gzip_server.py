"""The gzip-serving server answers as GitHub Pages does."""

from __future__ import annotations

import gzip
import urllib.error
import urllib.request
from pathlib import Path

from gzip_server import GzipServer


def fetch(url: str, encoding: str = "gzip") -> tuple[int, dict[str, str], bytes]:
    request = urllib.request.Request(url, headers={"Accept-Encoding": encoding})  # noqa: S310 (a loopback URL)
    try:
        with urllib.request.urlopen(request, timeout=10) as response:  # noqa: S310 (a loopback URL)
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read()


def test_text_is_compressed_and_misses_get_the_404_page(site: Path) -> None:
    with GzipServer(site) as server:
        status, headers, body = fetch(server.url + "projects")  # redirected to projects/
        assert status == 200
        assert headers["Content-Encoding"] == "gzip"
        assert headers["Content-Type"] == "text/html; charset=utf-8"
        assert gzip.decompress(body) == (site / "projects" / "index.html").read_bytes()

        status, headers, body = fetch(server.url + "projects/", encoding="identity")
        assert "Content-Encoding" not in headers
        assert body == (site / "projects" / "index.html").read_bytes()

        status, headers, body = fetch(server.url + "no-such-page/")
        assert status == 404
        assert gzip.decompress(body) == (site / "404.html").read_bytes()
