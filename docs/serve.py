"""Serve the built site on 127.0.0.1 (``make docs-serve``), so search works fully.

Opened from disk (``file://``), the site's search finds pages but shows no
snippets: the browser will not let the search page read the other pages. Over
HTTP it does. The server listens on the loopback address only, so nothing
outside this machine sees the site.

    python docs/serve.py [--port 8000] [--directory docs/_build/html]

``--port 0`` picks a free port; the first line printed is the site's URL.
"""

from __future__ import annotations

import argparse
import contextlib
import functools
import http.server
import threading
from collections.abc import Iterator
from pathlib import Path

HOST = "127.0.0.1"
SITE = Path(__file__).resolve().parent / "_build" / "html"


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    """Files from the site's directory, without a log line per request."""

    def log_message(self, format: str, *args: object) -> None:
        pass


def make_server(directory: Path, port: int = 0) -> http.server.ThreadingHTTPServer:
    handler = functools.partial(QuietHandler, directory=str(directory))
    return http.server.ThreadingHTTPServer((HOST, port), handler)


def url_of(server: http.server.ThreadingHTTPServer) -> str:
    return f"http://{HOST}:{server.server_address[1]}/"


@contextlib.contextmanager
def serving(directory: Path, port: int = 0) -> Iterator[str]:
    """Serve ``directory`` for the length of the block; yield its URL."""
    server = make_server(directory, port)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield url_of(server)
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n")[0])
    parser.add_argument("--port", type=int, default=8000, help="0 picks a free port")
    parser.add_argument("--directory", type=Path, default=SITE)
    args = parser.parse_args(argv)
    if not (args.directory / "index.html").is_file():
        parser.error(f"{args.directory} holds no built site; run `make docs` first")
    server = make_server(args.directory, args.port)
    print(url_of(server), flush=True)
    print(f"serving {args.directory} on {HOST} only; Ctrl-C stops", flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
