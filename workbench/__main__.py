"""Composition root: ``workbench`` with a subcommand runs the command line, without one the window."""

from __future__ import annotations

import sys


def _gui(argv: list[str]) -> int:
    # Imported here so the command line never pays for Qt.
    from workbench.ui.app import run_gui

    return run_gui(argv)


def main() -> int:
    """Entry point of the ``workbench`` script."""
    from workbench.cli.main import main as cli_main

    return cli_main(sys.argv[1:], gui=_gui)


if __name__ == "__main__":
    sys.exit(main())
