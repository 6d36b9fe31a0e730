"""The members of a zip archive, also of one cut short: when the central directory at its end is
gone, each member is found by its local header and read while it is whole."""

from __future__ import annotations

import struct
import zipfile
import zlib
from collections.abc import Iterator
from pathlib import Path

MAX_MEMBER = 50 * 1024 * 1024  # bytes, unpacked: no article is bigger (and no zip bomb gets through)
_LOCAL = b"PK\x03\x04"
_LOCAL_HEADER = struct.Struct("<IHHHHHIIIHH")


def members(path: Path) -> Iterator[tuple[str, bytes | str]]:
    """(name, bytes) for each whole file in the archive; (name, reason) for each damaged one."""
    try:
        archive = zipfile.ZipFile(path)
    except zipfile.BadZipFile:
        yield from _salvage(path.read_bytes())
        return
    with archive:
        for info in archive.infolist():
            if info.is_dir():
                continue
            if info.file_size > MAX_MEMBER:
                yield info.filename, f"too large ({info.file_size / 1048576:.0f} MB)"
                continue
            try:
                yield info.filename, archive.read(info)
            except (zipfile.BadZipFile, zlib.error, EOFError, NotImplementedError, OSError) as exc:
                yield info.filename, f"damaged in the zip ({exc})"


def _salvage(data: bytes) -> Iterator[tuple[str, bytes | str]]:
    pos = data.find(_LOCAL)
    while pos >= 0 and pos + _LOCAL_HEADER.size <= len(data):
        _, _, flags, method, _, _, crc, packed, size, name_len, extra_len = _LOCAL_HEADER.unpack_from(data, pos)
        start = pos + _LOCAL_HEADER.size + name_len + extra_len
        name = data[pos + _LOCAL_HEADER.size : pos + _LOCAL_HEADER.size + name_len].decode(
            "utf-8" if flags & 0x800 else "cp437", errors="replace")
        sizes_known = not flags & 0x08  # else the sizes follow the data
        body, end, reason = _member(data, start, method, packed if sizes_known else None)
        if body is not None and sizes_known and zlib.crc32(body) != crc:
            body, reason = None, "damaged (checksum differs)"
        if not name.endswith("/"):
            yield name, body if body is not None else reason
        pos = data.find(_LOCAL, max(end, pos + 4))


def _member(data: bytes, start: int, method: int, packed: int | None) -> tuple[bytes | None, int, str]:
    """(body or None, where the member ends, the reason when there is no body)."""
    if method == 0:
        if packed is None or start + packed > len(data):
            return None, len(data), "cut short"
        return data[start : start + packed], start + packed, ""
    if method != 8:
        return None, start, f"packed in a way not read here (method {method})"
    window = data[start : start + packed] if packed is not None else data[start:]
    inflater = zlib.decompressobj(-15)
    try:
        body = inflater.decompress(window, MAX_MEMBER + 1)
    except zlib.error as exc:
        return None, start, f"damaged ({exc})"
    if len(body) > MAX_MEMBER:
        return None, start, "too large"
    if not inflater.eof:
        return None, len(data), "cut short"
    return body, start + len(window) - len(inflater.unused_data), ""
