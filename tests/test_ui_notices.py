"""Notices are plain text: file names, error messages and URLs in them are never markup."""

from __future__ import annotations

from tui_reader.ui.app import create_app

PAYLOAD = "x[b=c=d]y [@click=app.quit]q[/] https://e.example/[/b] \x1b]52;c;aGk=\x07"
SHOWN = "x[b=c=d]y [@click=app.quit]q[/] https://e.example/[/b] "


async def _toasts(app, pilot) -> list[str]:
    await pilot.pause(0.1)
    return [toast.render().plain for toast in app.screen.query("Toast")]


async def test_a_notice_shows_markup_and_escapes_literally(tmp_path):
    (tmp_path / "lib").mkdir()
    app = create_app([tmp_path / "lib"])
    async with app.run_test(notifications=True) as pilot:
        await pilot.pause()
        app.notify(f"{PAYLOAD}: cannot open", title=f"[b]{PAYLOAD}", severity="error")
        app.screen.notify(f"{PAYLOAD} from a screen", timeout=3)
        shown = await _toasts(app, pilot)
        assert app.is_running
        assert f"[b]{SHOWN}\n{SHOWN}: cannot open" in shown
        assert f"{SHOWN} from a screen" in shown


async def test_an_unreadable_file_with_a_markup_name_is_reported_not_fatal(tmp_path):
    evil = tmp_path / "x[b=c=d]y.html"
    evil.write_bytes(b"")
    app = create_app([evil])
    async with app.run_test(notifications=True) as pilot:
        for _ in range(50):
            shown = await _toasts(app, pilot)
            if shown:
                break
        assert app.is_running
        assert any("x[b=c=d]y.html: empty file" in text for text in shown)
