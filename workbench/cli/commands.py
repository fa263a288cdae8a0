"""The commands of ``workbench`` by name, and which one a command line names (no heavy imports:
``workbench.__main__`` reads it before anything else is loaded)."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Sequence

# Each command's module, in the order of the help. A run loads only the module of its command
# (``workbench report`` need not import the workbook, portfolio or user commands); the help, an
# unknown command and the window load them all.
COMMANDS = {
    "calc": "calc_cmd",
    "schedule": "schedule_cmd",
    "db": "db_cmd",
    "import": "store_cmds",
    "export": "store_cmds",
    "template": "store_cmds",
    "cases": "store_cmds",
    "report": "report_cmd",
    "verify": "verify_cmd",
    "identity": "identity_cmd",
    "users": "users_cmd",
    "audit": "audit_cmd",
    "policy": "policy_cmd",
    "portfolio": "portfolio_cmd",
}
_TAKES_VALUE = ("--lang", "--db")  # the options before the command that take a value


def command_from(argv: Sequence[str]) -> str | None:
    """The command named in ``argv`` (its first argument that is not an option or its value)."""
    for i, arg in enumerate(argv):
        if arg.startswith("-") or (i and argv[i - 1] in _TAKES_VALUE):
            continue
        return arg if arg in COMMANDS else None
    return None
