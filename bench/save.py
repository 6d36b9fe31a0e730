"""Saving and importing against a web server on this machine (127.0.0.x; nothing leaves it).

1. `save`: pages per second saving 200 pages from one local server (one host, so one request at a
   time by the politeness rule), against a reference run in the same process: the same 200 pages
   fetched one after another with a bare httpx client and written with open().write.
2. `import`: the wall time of importing a 1,000-URL Pocket export whose pages are spread over 25
   hosts (127.0.0.1 … 127.0.0.25) of a server that answers each request after 50 ms, against the
   same import fetching one page after another (--jobs 1).

Each figure is the median of --runs runs. The server runs in a child process.

    .venv/bin/python bench/save.py [--pages 200] [--urls 1000] [--hosts 25] [--runs 3]
"""

from __future__ import annotations

import argparse
import asyncio
import csv
import multiprocessing
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tui_reader.core.ingest.formats import read_export
from tui_reader.core.ingest.importer import import_entries
from tui_reader.core.ingest.save import save_urls

WORDS = "harbour council bridge ferry budget market winter summit alliance coast".split()


def page_body(n: int) -> bytes:
    words = " ".join(WORDS[(n + k) % len(WORDS)] for k in range(60))
    paragraphs = "".join(f"<p>{words.capitalize()} paragraph {k} of story {n}.</p>" for k in range(40))
    return (f"<!DOCTYPE html><html><head><meta charset='utf-8'><title>Story number {n} about the "
            f"{WORDS[n % len(WORDS)]}</title></head><body><article><h1>Story {n}</h1>{paragraphs}"
            "</article></body></html>").encode()


async def _serve(addresses: list[str], delay: float, ready) -> None:
    async def handle(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        try:
            while True:
                head = await reader.readuntil(b"\r\n\r\n")
                path = head.split(b" ", 2)[1].decode()
                n = int(path.rsplit("/", 1)[-1] or 0)
                if delay:
                    await asyncio.sleep(delay)
                body = page_body(n)
                writer.write(b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n"
                             b"Content-Length: %d\r\n\r\n" % len(body) + body)
                await writer.drain()
        except (asyncio.IncompleteReadError, ConnectionError, ValueError, IndexError):
            pass
        finally:
            writer.close()

    ports = []
    for address in addresses:
        server = await asyncio.start_server(handle, address, 0)
        ports.append(server.sockets[0].getsockname()[1])
    ready.put(ports)
    await asyncio.Event().wait()


def serve(addresses: list[str], delay: float, ready) -> None:
    asyncio.run(_serve(addresses, delay, ready))


class Server:
    """The server in a child process; `urls(n)` spreads n addresses over its hosts."""

    def __init__(self, hosts: int, delay: float) -> None:
        self.addresses = [f"127.0.0.{k + 1}" for k in range(hosts)]
        ready = multiprocessing.Queue()
        self.process = multiprocessing.Process(target=serve, args=(self.addresses, delay, ready), daemon=True)
        self.process.start()
        self.ports = ready.get(timeout=30)

    def urls(self, n: int) -> list[str]:
        hosts = list(zip(self.addresses, self.ports, strict=True))
        return [f"http://{hosts[k % len(hosts)][0]}:{hosts[k % len(hosts)][1]}/story/{k}" for k in range(n)]

    def close(self) -> None:
        self.process.terminate()
        self.process.join()


def reference_save(urls: list[str], folder: Path) -> None:
    import httpx

    with httpx.Client() as client:
        for n, url in enumerate(urls):
            (folder / f"{n}.html").write_bytes(client.get(url).content)


def timed(action) -> float:
    with tempfile.TemporaryDirectory() as folder:
        start = time.perf_counter()
        action(Path(folder))
        return time.perf_counter() - start


def median_time(action, runs: int) -> float:
    return statistics.median(timed(action) for _ in range(runs))


def pocket_export(urls: list[str], path: Path) -> Path:
    with open(path, "w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["title", "url", "time_added", "tags", "status"])
        for n, url in enumerate(urls):
            writer.writerow([f"Story {n}", url, str(1_700_000_000 + n), "bench|local", "unread"])
    return path


def run_import(export: Path, jobs: int):
    def action(folder: Path) -> None:
        report = asyncio.run(import_entries(read_export(export)[1], folder, concurrency=jobs))
        failed = report.failed
        if failed:
            raise SystemExit(f"{len(failed)} failed, e.g. {failed[0].item.url}: {failed[0].reason}")
    return action


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=200)
    parser.add_argument("--urls", type=int, default=1000)
    parser.add_argument("--hosts", type=int, default=25)
    parser.add_argument("--jobs", type=int, default=8)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()

    server = Server(1, 0.0)
    try:
        urls = server.urls(args.pages)
        ours = median_time(lambda folder: asyncio.run(save_urls(urls, folder)), args.runs)
        bare = median_time(lambda folder: reference_save(urls, folder), args.runs)
    finally:
        server.close()
    print(f"save: {args.pages} pages from one local host: {args.pages / ours:.0f} pages/s "
          f"({ours:.2f} s; bare httpx fetch + write one after another: {args.pages / bare:.0f} pages/s, "
          f"{bare:.2f} s; ratio {ours / bare:.2f})")

    server = Server(args.hosts, 0.05)
    try:
        with tempfile.TemporaryDirectory() as scratch:
            export = pocket_export(server.urls(args.urls), Path(scratch) / "pocket.csv")
            together = median_time(run_import(export, args.jobs), args.runs)
            one_by_one = median_time(run_import(export, 1), args.runs)
    finally:
        server.close()
    print(f"import: {args.urls} URLs over {args.hosts} hosts answering in 50 ms: {together:.1f} s with "
          f"{args.jobs} at a time (one per host), {one_by_one:.1f} s one after another "
          f"({one_by_one / together:.1f}× faster; the floor of one after another is "
          f"{args.urls * 0.05:.0f} s of waiting alone)")


if __name__ == "__main__":
    main()
