"""Clipboard and browser helpers that never crash the app."""

from __future__ import annotations

import os
import re
import sys


def system_copy(text: str) -> str | None:
    """Copy with pyperclip; returns None on success, else a short reason."""
    try:
        import pyperclip

        pyperclip.copy(text)
    except Exception as exc:  # pyperclip raises its own errors, OSError, … on headless systems
        reason = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        reason = re.split(r"(?<=[a-z])\.\s", reason, maxsplit=1)[0].rstrip(".")  # its first sentence
        return reason if len(reason) <= 100 else reason[:100].rsplit(" ", 1)[0] + "…"
    return None


def graphical_browser_available() -> bool:
    """A browser that would not take over this terminal (console browsers would)."""
    if sys.platform in ("darwin", "win32"):
        return True
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def open_in_browser(url: str) -> bool:
    if not graphical_browser_available():
        return False
    import webbrowser

    try:
        return bool(webbrowser.open(url))
    except Exception:
        return False
