"""A built site served on loopback the way GitHub Pages serves it: text gzip-compressed, 404.html for misses.

    with GzipServer(site_dir) as server:
        urllib.request.urlopen(server.url + "projects/")

Like GitHub Pages: a folder answers with its index.html (and a 301 to add the missing slash), a missing
file answers 404 with the site's 404.html, text types (HTML, CSS, JS, JSON, SVG, XML) are gzip-compressed
when the client accepts gzip, and every answer may be cached for 10 minutes. The server notes the path and
the body's size (compressed, as sent) of every answer in `sent`, for page-weight budgets.
"""

from __future__ import annotations

import functools
import gzip
import io
import threading
from http import HTTPStatus
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from types import TracebackType
from urllib.parse import urlsplit

COMPRESSED_TYPES = ("text/", "application/javascript", "application/json", "application/xml", "image/svg+xml")


@functools.lru_cache(maxsize=512)
def gzipped(file: Path, mtime_ns: int, size: int) -> bytes:  # the time and size: a changed file is read anew
    """A file's bytes gzip-compressed, once a version of the file (compressing every answer anew cost the tests
    seconds of CPU)."""
    return gzip.compress(file.read_bytes(), mtime=0)


class GzipHandler(SimpleHTTPRequestHandler):
    """Serve one folder's files, compressed as GitHub Pages does."""

    def send_head(self) -> io.BytesIO | None:  # type: ignore[override]
        """Send the status and headers of a GET or HEAD; return the body to copy."""
        path = urlsplit(self.path).path
        file = Path(self.translate_path(path))
        if file.is_dir() and not path.endswith("/"):
            self.send_response(HTTPStatus.MOVED_PERMANENTLY)
            self.send_header("Location", path + "/")
            self.send_header("Content-Length", "0")
            self.end_headers()
            return None
        if file.is_dir():
            file /= "index.html"
        status = HTTPStatus.OK
        if not file.is_file():
            status, file = HTTPStatus.NOT_FOUND, Path(self.directory) / "404.html"
        kind = self.guess_type(str(file))
        compress = kind.startswith(COMPRESSED_TYPES) and "gzip" in self.headers.get("Accept-Encoding", "")
        if file.is_file():
            stat = file.stat()
            body = gzipped(file, stat.st_mtime_ns, stat.st_size) if compress else file.read_bytes()
        else:
            body = gzip.compress(b"Not found", mtime=0) if compress else b"Not found"
        self.send_response(status)
        self.send_header("Content-Type", f"{kind}; charset=utf-8" if kind.startswith("text/") else kind)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "max-age=600")
        self.send_header("Vary", "Accept-Encoding")
        if compress:
            self.send_header("Content-Encoding", "gzip")
        self.end_headers()
        self.server.sent.append((path, len(body)))  # type: ignore[attr-defined]
        return io.BytesIO(body)

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        """Stay quiet: the tests and the benchmark print what matters."""


class GzipServer:
    """A GzipHandler on a free loopback port, in a background thread, while the context is open."""

    def __init__(self, directory: Path) -> None:
        handler = functools.partial(GzipHandler, directory=str(directory))
        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self.sent: list[tuple[str, int]] = []  # (path, body bytes as sent) of every answer
        self.httpd.sent = self.sent  # type: ignore[attr-defined]
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}/"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    def __enter__(self) -> GzipServer:
        self.thread.start()
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, traceback: TracebackType | None
    ) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()
