"""Fetching pages to save: httpx with timeouts, redirects, HTTP/2 where offered, a size cap,
accepted content types, and politeness (a few requests at once, one at a time per host, retries
with back-off for what may pass: time-outs, lost connections, 429 and 5xx)."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Callable
from dataclasses import dataclass
from typing import Self

import httpx

from tui_reader.core.extract.decode import binary_kind
from tui_reader.core.sanitize import clean_inline

MAX_BYTES = 50 * 1024 * 1024  # the loader refuses bigger files; they are not fetched either
ACCEPTED = {
    "text/html": "html",
    "application/xhtml+xml": "html",
    "text/plain": "text",
    "text/markdown": "markdown",
    "text/x-markdown": "markdown",
}
RETRY_STATUS = frozenset({408, 425, 429, 500, 502, 503, 504})
MAX_RETRY_AFTER = 30.0  # seconds: a longer Retry-After is not waited for


def user_agent() -> str:
    from tui_reader import __version__

    return f"tui-reader/{__version__} (+terminal reader for saved articles; httpx/{httpx.__version__})"


class FetchError(Exception):
    """A page that could not be fetched; `str(exc)` is one line for people."""

    def __init__(self, reason: str, *, retry: bool = False, retry_after: float | None = None) -> None:
        super().__init__(reason)
        self.retry = retry
        self.retry_after = retry_after


@dataclass(frozen=True)
class Page:
    url: str  # the final address, after redirects
    data: bytes  # the body as received (content-encoding undone)
    kind: str  # "html" | "text" | "markdown"
    media_type: str
    charset: str | None  # from the Content-Type header
    http_version: str


Progress = Callable[[int, int | None], None]  # (bytes received, bytes expected or None)


def _retry_after(value: str | None) -> float | None:
    try:
        return min(max(float(value), 0.0), MAX_RETRY_AFTER) if value else None
    except ValueError:
        return None


def check_url(url: str) -> str:
    """The address to fetch, or FetchError saying why it cannot be one."""
    url = url.strip()
    if "://" not in url and "." in url.split("/")[0]:
        url = "https://" + url  # "example.com/story" as people type it
    try:
        parsed = httpx.URL(url)
    except (httpx.InvalidURL, ValueError) as exc:
        raise FetchError(f"not a web address ({exc})") from None
    if parsed.scheme not in ("http", "https") or not parsed.host:
        raise FetchError("not a web address (it must start with http:// or https://)")
    return str(parsed)


class Fetcher:
    """Fetches pages; use as `async with Fetcher() as f: page = await f.fetch(url)`.

    `timeout` bounds each wait (connecting, each read); `deadline` the whole of one attempt, so a
    server that trickles bytes cannot hold a save for ever.
    """

    def __init__(self, *, timeout: float = 15.0, deadline: float = 120.0, max_bytes: int = MAX_BYTES,
                 concurrency: int = 8, retries: int = 2, backoff: float = 1.0,
                 transport: httpx.AsyncBaseTransport | None = None) -> None:
        self.timeout = timeout
        self.deadline = deadline
        self.max_bytes = max_bytes
        self.retries = retries
        self.backoff = backoff
        self._slots = asyncio.Semaphore(concurrency)
        self._hosts: dict[str, asyncio.Lock] = {}
        self._client = httpx.AsyncClient(
            http2=True, follow_redirects=True, max_redirects=10, transport=transport,
            timeout=httpx.Timeout(timeout), headers={"User-Agent": user_agent(), "Accept": ", ".join(ACCEPTED)},
            limits=httpx.Limits(max_connections=concurrency * 2, max_keepalive_connections=concurrency),
        )

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(self, *exc) -> None:
        await self._client.aclose()

    def _host_lock(self, url: str) -> asyncio.Lock:
        host = httpx.URL(url).host.lower()
        return self._hosts.setdefault(host, asyncio.Lock())

    async def fetch(self, url: str, progress: Progress | None = None) -> Page:
        """The page at `url`; FetchError with the reason when it cannot be had or is not accepted."""
        url = check_url(url)
        attempt = 0
        while True:
            try:
                # The host's turn first, then a slot: requests waiting for a busy host hold no slot.
                async with self._host_lock(url), self._slots:
                    return await self._attempt(url, progress)
            except FetchError as exc:
                if not exc.retry or attempt >= self.retries:
                    raise
                delay = exc.retry_after if exc.retry_after is not None else self.backoff * 2 ** attempt
                attempt += 1
                await asyncio.sleep(delay)

    async def _attempt(self, url: str, progress: Progress | None) -> Page:
        try:
            async with asyncio.timeout(self.deadline):
                return await self._get(url, progress)
        except TimeoutError:
            raise FetchError(f"timed out: the page took more than {self.deadline:g} s") from None
        except httpx.TooManyRedirects:
            raise FetchError("too many redirects") from None
        except httpx.TimeoutException:
            raise FetchError(f"timed out: no answer within {self.timeout:g} s", retry=True) from None
        except httpx.UnsupportedProtocol as exc:
            raise FetchError(f"cannot follow the address ({exc})") from None
        except (httpx.TransportError, httpx.DecodingError) as exc:  # connection refused or lost, bad gzip
            reason = clean_inline(str(exc)) or type(exc).__name__
            raise FetchError(f"could not be fetched ({reason})", retry=isinstance(exc, httpx.TransportError)) from None

    async def _get(self, url: str, progress: Progress | None) -> Page:
        async with self._client.stream("GET", url) as response:
            status = response.status_code
            if status >= 400:
                raise FetchError(f"the server answered {status} {clean_inline(response.reason_phrase)}".rstrip(),
                                 retry=status in RETRY_STATUS,
                                 retry_after=_retry_after(response.headers.get("retry-after")))
            content_type = response.headers.get("content-type", "")
            media_type = content_type.split(";")[0].strip().lower()
            kind = ACCEPTED.get(media_type)
            if kind is None:
                raise FetchError(f"not saved: the address gives {clean_inline(media_type)[:80] or 'no content type'}, "
                                 "not a page (HTML, XHTML, plain text or Markdown)")
            expected = None
            with contextlib.suppress(ValueError):
                expected = int(response.headers.get("content-length", ""))
            if expected is not None and expected > self.max_bytes:
                raise FetchError(self._too_large(f"{expected / 1048576:.0f} MB"))
            chunks, received = [], 0
            async for chunk in response.aiter_bytes():
                received += len(chunk)
                if received > self.max_bytes:
                    raise FetchError(self._too_large(f"more than {self.max_bytes / 1048576:g} MB"))
                chunks.append(chunk)
                if progress:
                    progress(received, expected)
            body = b"".join(chunks)
            if not body.strip():
                raise FetchError("not saved: the server sent an empty page")
            if (certainly := binary_kind(body)) is not None:  # a PDF or an image labelled as a page
                raise FetchError(f"not saved: the address gives {certainly}, labelled {clean_inline(media_type)[:40]}")
            return Page(str(response.url), body, kind, media_type, response.charset_encoding, response.http_version)

    def _too_large(self, size: str) -> str:
        return f"not saved: too large, {size} (the limit is {self.max_bytes / 1048576:g} MB)"
