"""Run a services call off the GUI thread and get its result back on it (as Anki's ops do).

The function runs on ``QThreadPool.globalInstance()`` with immutable inputs (a case snapshot, a
path) and returns an immutable result; it must not touch any widget. ``on_done`` / ``on_error`` are
called on the GUI thread through a queued signal.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

if TYPE_CHECKING:
    from collections.abc import Callable

_running: set[_Relay] = set()


class _Relay(QObject):
    finished = Signal(object)
    failed = Signal(object)


class _Job(QRunnable):
    def __init__(self, fn: Callable[[], Any], relay: _Relay) -> None:
        super().__init__()
        self._fn, self._relay = fn, relay

    def run(self) -> None:
        try:
            result = self._fn()
        except Exception as error:
            self._relay.failed.emit(error)
        else:
            self._relay.finished.emit(result)


def run_in_background(
    fn: Callable[[], Any],
    on_done: Callable[[Any], None],
    on_error: Callable[[BaseException], None],
    pool: QThreadPool | None = None,
) -> None:
    """Run ``fn()`` on the pool, then ``on_done(result)`` or ``on_error(exception)`` on the GUI thread."""
    relay = _Relay()  # lives on the GUI thread: its signals are delivered there (queued)
    _running.add(relay)

    def done(result: Any) -> None:
        _running.discard(relay)
        on_done(result)

    def failed(error: BaseException) -> None:
        _running.discard(relay)
        on_error(error)

    relay.finished.connect(done)
    relay.failed.connect(failed)
    (pool or QThreadPool.globalInstance()).start(_Job(fn, relay))


def busy() -> bool:
    """Whether a background job started here has not reported back yet."""
    return bool(_running)
