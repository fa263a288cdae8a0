"""A connection pool that gives its connections back to the server when the app falls quiet.

A desktop app keeps its team-store connection for a burst of work (open a case, refresh the list,
autosave) and then sits idle for minutes. SQLAlchemy's ``QueuePool`` keeps idle connections open
forever, so every running app holds at least one of the server's ``max_connections`` (100 by
default): a branch of 200 officers exhausts the server although few of them save at the same
moment. ``IdleReleasingPool`` closes the pooled connections once none has been checked out for
``idle_s`` seconds (30 by default); the next unit of work connects afresh (one sign-in, ~10–20 ms on
the local server). Why not release at once: a new connection costs the server a process and a SCRAM
exchange, so an officer who types and autosaves every few seconds keeps hers (measured in
``benchmarks/bench_load.py``: releasing after 1 s of quiet nearly doubled the save latency of 50
busy officers on a 2-core server, 80 ms against 45 ms at the median).

Why a subclass and a lock, not ``engine.dispose()`` from a timer: ``QueuePool.dispose`` resets the
overflow count as if nothing were checked out. The reaper therefore drains only while holding the
lock that every checkout takes, and only when nothing is checked out, so its count stays exact.
Check-ins do not take the lock (a checkout waiting for a free connection holds it).
"""

from __future__ import annotations

import threading
import time
import weakref
from typing import TYPE_CHECKING, Any

from sqlalchemy.pool import QueuePool

if TYPE_CHECKING:
    from sqlalchemy.pool import ConnectionPoolEntry

IDLE_RELEASE_S = 30.0


class IdleReleasingPool(QueuePool):
    """``QueuePool`` whose idle connections are closed after ``idle_s`` seconds of quiet."""

    def __init__(self, creator: Any, idle_s: float = IDLE_RELEASE_S, **kw: Any) -> None:
        super().__init__(creator, **kw)
        self._idle_s = idle_s
        self._checkout_lock = threading.Lock()
        self._last_used = time.monotonic()
        _start_reaper(self)

    def _do_get(self) -> ConnectionPoolEntry:
        with self._checkout_lock:
            self._last_used = time.monotonic()
            return super()._do_get()

    def _do_return_conn(self, record: ConnectionPoolEntry) -> None:
        self._last_used = time.monotonic()
        super()._do_return_conn(record)

    def release_if_idle(self, now: float | None = None) -> bool:
        """Close the pooled connections if none is in use and none was for ``idle_s``; whether it did."""
        now = time.monotonic() if now is None else now
        with self._checkout_lock:
            if self.checkedout() or self.checkedin() == 0 or now - self._last_used < self._idle_s:
                return False
            self.dispose()
            return True

    def recreate(self) -> IdleReleasingPool:
        return self.__class__(
            self._creator,
            idle_s=self._idle_s,
            pool_size=self._pool.maxsize,
            max_overflow=self._max_overflow,
            pre_ping=self._pre_ping,
            use_lifo=self._pool.use_lifo,
            timeout=self._timeout,
            recycle=self._recycle,
            echo=self.echo,
            logging_name=self._orig_logging_name,
            reset_on_return=self._reset_on_return,
            _dispatch=self.dispatch,
            dialect=self._dialect,
        )


def _start_reaper(pool: IdleReleasingPool) -> None:
    """A daemon thread that looks every ``idle_s / 2`` seconds; it ends with its pool."""
    ref = weakref.ref(pool)
    interval = max(pool._idle_s / 2, 0.05)

    def reap() -> None:
        while True:
            time.sleep(interval)
            alive = ref()
            if alive is None:
                return
            alive.release_if_idle()
            del alive

    threading.Thread(target=reap, name="workbench-idle-pool", daemon=True).start()
