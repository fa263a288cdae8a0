"""The writer process of the SIGKILL test: saves alternating versions of one case until killed.

    python -m tests.store.kill_writer URL CASE_ID USER_ID USERNAME ROLE START SLOW_MS

It imports and builds its engine first, prints ``ready`` and waits for a line on stdin (so the parent
can start it ahead of its turn). Then it loads the case and saves ``variant(case A, n)`` for
n = START, START+1, … over the version it holds, printing ``saving N V`` before and ``saved N V2``
after each save (``V`` the version the save starts from, ``V2`` the new one). ``SLOW_MS`` > 0 sleeps
after each INSERT and DELETE, so most of the time is spent inside a transaction, and for ten times as
long after each save before reporting it, so some kills fall between a ``COMMIT`` and its report (the
parent must then find the new version). It never stops on its own: the parent kills it with SIGKILL.
"""

from __future__ import annotations

import dataclasses
import sys
import time
from typing import Any

from sqlalchemy import event

from tests.store.helpers import demo
from tests.store.reliability import variant
from workbench.domain.records import Role, User
from workbench.services.cases import CaseService
from workbench.store.db import make_engine, make_sessions


def main(argv: list[str]) -> None:
    url, case_id, user_id, username, role, start, slow_ms = argv
    user = User(user_id, username, username, Role(role))
    base = dataclasses.replace(demo("a"), id=case_id)
    engine = make_engine(url)
    pause = float(slow_ms) / 1000

    if pause > 0:

        @event.listens_for(engine, "after_cursor_execute")
        def _slow(_conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
            if statement.startswith(("INSERT", "DELETE")):
                time.sleep(pause)

    app = CaseService(make_sessions(engine))
    print("ready", flush=True)
    sys.stdin.readline()
    version = app.open_case(case_id, user).version
    print(f"loaded {version}", flush=True)
    n = int(start)
    while True:
        print(f"saving {n} {version}", flush=True)
        version = app.save_case(variant(base, n), version, user)
        time.sleep(pause * 10)
        print(f"saved {n} {version}", flush=True)
        n += 1


if __name__ == "__main__":
    main(sys.argv[1:])
