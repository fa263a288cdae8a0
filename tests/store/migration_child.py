"""One of several processes racing on one store (``tests/store/test_migration_lock.py``).

    python -m tests.store.migration_child GO_FILE cli ARG...   # workbench.cli.main.main(ARG...)
    python -m tests.store.migration_child GO_FILE open URL     # open_store(URL), prints the revision

Everything is imported first; then the child waits for ``GO_FILE`` to exist, so the racers start
their real work together instead of one after another's Python start-up.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from workbench.cli.main import main as cli
from workbench.services.store import open_store
from workbench.store import migrate

START_WAIT_S = 120


def _wait_for(go: Path) -> bool:
    deadline = time.monotonic() + START_WAIT_S
    while not go.exists():
        if time.monotonic() > deadline:
            return False
        time.sleep(0.002)
    return True


def main(argv: list[str]) -> int:
    go, what, *rest = argv
    print("READY", flush=True)
    if not _wait_for(Path(go)):
        return 3
    if what == "cli":
        return cli(rest)
    if what == "open":
        with open_store(rest[0]):
            print(migrate.current(rest[0]))
        return 0
    raise SystemExit(f"unknown step {what}")


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
