"""Keys in the order they were typed, each one going where the key before it left the focus.

Textual hands a key to the focused widget's queue at once; the widget lets it bubble back to the
app, which only then runs the key's binding. Keys typed in a burst (a fast typist, tmux
send-keys, a paste without bracketed paste) are all handed out before the first one's binding
ran: the letters after `f` went to the list instead of the filter `f` opened.

Here the app hands out one key at a time. After a key, a marker follows the same path (the focused
widget, then up through its parents to the app); the next key goes out when the marker is back, so
everything the key started on its way (a binding that focuses a box, a screen that mounts and
focuses its box) is done. A marker can only be lost with its widget: every CHECK_SECONDS the app
looks whether the widget it went to is gone (then the next key goes) or the screen changed (then a
marker goes through the new screen first); a slow but living path is waited for, up to
GIVE_UP_SECONDS.

Some keys start work that shows a new screen later, outside the key's path: Enter on the library
loads the article in a worker and only then pushes the reader. Such a key holds the keys after it
(`hold_keys`) until the work is done (`release_keys`), or GIVE_UP_SECONDS at most, so `Enter j j`
scrolls the reader instead of moving the list's cursor behind it.
"""

from __future__ import annotations

from collections import deque
from time import monotonic

from textual import events
from textual.app import App
from textual.message import Message

CHECK_SECONDS = 0.05
GIVE_UP_SECONDS = 3.0


class KeyHandled(Message):
    """Follows a key along its path; back at the app, the next key may go."""

    def __init__(self, serial: int, screen) -> None:
        super().__init__()
        self.serial = serial
        self.screen = screen


class KeysInOrder(App):
    """An App whose keys each wait for the one before them to be handled."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self._waiting_keys: deque[events.Key] = deque()
        self._key_serial = 0
        self._key_in_flight: int | None = None
        self._marker_target = self._marker_screen = None  # where the marker in flight went, on which screen
        self._marker_sent = 0.0
        self._marker_check = None
        self._hold: int | None = None  # the hold in force (its number), if any
        self._holds = 0
        self._hold_timer = None

    async def on_event(self, event: events.Event) -> None:
        if isinstance(event, events.Key) and not event.is_forwarded:
            self._waiting_keys.append(event)
            await self._send_keys()
        else:
            await super().on_event(event)

    async def _send_keys(self) -> None:
        while self._waiting_keys and self._key_in_flight is None and self._hold is None:
            await super().on_event(self._waiting_keys.popleft())  # bindings with priority, else to the focus
            self._follow()

    def hold_keys(self) -> int:
        """Keys typed from now wait until `release_keys` with the number returned (or any newer
        hold's), or GIVE_UP_SECONDS. A newer hold replaces an older one."""
        self._holds += 1
        self._hold = self._holds
        if self._hold_timer is not None:
            self._hold_timer.stop()
        self._hold_timer = self.set_timer(GIVE_UP_SECONDS, self.release_keys)
        return self._hold

    async def release_keys(self, hold: int | None = None) -> None:
        """The keys held go on (`hold`: only if that hold is still the one in force)."""
        if hold is not None and hold != self._hold:
            return
        self._hold = None
        if self._hold_timer is not None:
            self._hold_timer.stop()
            self._hold_timer = None
        await self._send_keys()

    def _follow(self) -> None:
        """A marker after the key, along its path: the focused widget (or the screen), then up."""
        try:
            screen = self.screen
        except Exception:  # noqa: BLE001 - no screen (starting or closing): nothing to wait for
            return
        self._key_serial += 1
        target = self.focused or screen
        if target.post_message(KeyHandled(self._key_serial, screen)):
            self._key_in_flight = self._key_serial
            self._marker_target, self._marker_screen = target, screen
            self._marker_sent = monotonic()
            if self._marker_check is None:
                self._marker_check = self.set_interval(CHECK_SECONDS, self._check_marker)

    def _settled(self) -> None:
        self._key_in_flight = None
        self._marker_target = self._marker_screen = None
        if self._marker_check is not None:
            self._marker_check.stop()
            self._marker_check = None

    async def on_key_handled(self, message: KeyHandled) -> None:
        message.stop()
        if message.serial != self._key_in_flight:
            return  # late: given up on, or followed by a newer marker
        self._settled()
        if message.screen is not self.screen:
            self._follow()  # the key changed the screen: the next key waits for the new one to settle
        await self._send_keys()

    async def _check_marker(self) -> None:
        """The marker in flight is lost when its widget is gone; it is late when the screen changed."""
        target = self._marker_target
        if target is None:
            return
        if self._marker_screen is not self.screen:
            self._settled()
            self._follow()
        elif target.is_attached and monotonic() - self._marker_sent < GIVE_UP_SECONDS:
            return
        else:
            self._settled()
        await self._send_keys()
