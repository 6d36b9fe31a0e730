"""Screens talk through public attributes and messages (Textual's rule: attributes down, messages up)."""

from __future__ import annotations

import ast
from pathlib import Path

UI = Path(__file__).resolve().parents[1] / "tui_reader" / "ui"


def private_methods_of_screens() -> set[str]:
    names = set()
    for path in (UI / "screens").glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ClassDef):
                names |= {item.name for item in node.body if isinstance(item, ast.FunctionDef | ast.AsyncFunctionDef)
                          and item.name.startswith("_") and not item.name.startswith("__")}
    return names


def test_no_code_calls_a_screens_private_methods_from_outside():
    private = private_methods_of_screens()
    assert "_land_on_match" in private  # the scan sees the screens' helpers
    reaching = []
    for path in UI.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Attribute) and node.attr in private:
                owner = node.value
                if not (isinstance(owner, ast.Name) and owner.id == "self") and not (
                        isinstance(owner, ast.Call) and getattr(owner.func, "id", "") == "super"):
                    reaching.append(f"{path.relative_to(UI)}:{node.lineno} .{node.attr}")
    assert reaching == []


def test_screens_send_opening_and_copying_up_as_messages():
    """Only the app opens entries and copies: screens post OpenEntry and CopyText."""
    calls = []
    for path in (UI / "screens").glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (isinstance(node, ast.Attribute) and node.attr in {"open_entry", "copy_text", "open_at_match"}
                    and isinstance(node.value, ast.Attribute) and node.value.attr == "app"):
                calls.append(f"{path.name}:{node.lineno} app.{node.attr}")
    assert calls == []
