"""A web server on 127.0.0.1 for the save and import tests: no test touches the internet.

    with LocalServer() as server:
        server.route("/a", body=b"<html>…", content_type="text/html")
        server.url("/a")
"""

from __future__ import annotations

import threading
import time
from collections import Counter
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Self


@dataclass
class Route:
    body: bytes | None = b""
    content_type: str | None = "text/html; charset=utf-8"
    status: int = 200
    location: str | None = None  # a redirect's target
    delay: float = 0.0  # seconds before answering
    stream_bytes: int = 0  # send this many bytes in 1 MB chunks, without a Content-Length
    declared_length: int | None = None  # a Content-Length header that says this
    fail_first: int = 0  # the first requests get 503 Service Unavailable
    trickle: float = 0.0  # seconds between the body's bytes, sent one at a time


class _Handler(BaseHTTPRequestHandler):
    server: _Server

    def log_message(self, *args) -> None:
        pass

    def do_GET(self) -> None:
        with self.server.lock:
            self.server.in_flight += 1
            self.server.most_in_flight = max(self.server.most_in_flight, self.server.in_flight)
        try:
            self._answer()
        finally:
            with self.server.lock:
                self.server.in_flight -= 1

    def _answer(self) -> None:
        path = self.path.split("?", 1)[0]
        self.server.hits[path] += 1
        self.server.user_agents.append(self.headers.get("User-Agent", ""))
        route = self.server.routes.get(path)
        if route is None:
            route = Route(body=b"not here", status=404, content_type="text/plain")
        if self.server.hits[path] <= route.fail_first:
            route = Route(body=b"busy", status=503, content_type="text/plain")
        if route.delay:
            time.sleep(route.delay)
        try:
            self.send_response(route.status)
            if route.location:
                self.send_header("Location", route.location)
            if route.content_type:
                self.send_header("Content-Type", route.content_type)
            body = route.body or b""
            if route.stream_bytes:
                if route.declared_length is not None:
                    self.send_header("Content-Length", str(route.declared_length))
                self.end_headers()
                chunk = b"<p>" + b"x" * (1024 * 1024 - 7) + b"</p>\n"
                for _ in range(route.stream_bytes // len(chunk)):
                    self.wfile.write(chunk)
                return
            self.send_header("Content-Length", str(route.declared_length if route.declared_length is not None
                                                   else len(body)))
            self.end_headers()
            if route.trickle:
                for byte in body:
                    self.wfile.write(bytes([byte]))
                    self.wfile.flush()
                    time.sleep(route.trickle)
                return
            self.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client stopped reading (a body past the size limit)


class _Server(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address) -> None:
        pass


class LocalServer:
    def __init__(self, host: str = "127.0.0.1") -> None:
        self._server = _Server((host, 0), _Handler)
        self._server.routes = {}
        self._server.hits = Counter()
        self._server.user_agents = []
        self._server.lock = threading.Lock()
        self._server.in_flight = self._server.most_in_flight = 0
        self._thread = threading.Thread(target=self._server.serve_forever, args=(0.05,), daemon=True)

    def __enter__(self) -> Self:
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._server.shutdown()
        self._server.server_close()

    @property
    def hits(self) -> Counter:
        return self._server.hits

    @property
    def most_in_flight(self) -> int:
        """The most requests the server was answering at once."""
        return self._server.most_in_flight

    @property
    def user_agents(self) -> list[str]:
        return self._server.user_agents

    def route(self, path: str, **kwargs) -> str:
        self._server.routes[path] = Route(**kwargs)
        return self.url(path)

    def url(self, path: str) -> str:
        host, port = self._server.server_address[:2]
        return f"http://{host}:{port}{path}"


def page(title: str, text: str = "Some words of the article.", extra_head: str = "") -> bytes:
    return (f"<!DOCTYPE html><html><head><meta charset='utf-8'><title>{title}</title>{extra_head}</head>"
            f"<body><article><h1>{title}</h1><p>{text}</p><p>{text} Again, more text.</p></article></body></html>"
            ).encode()
