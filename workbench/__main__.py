"""Composition root: ``workbench`` with a subcommand runs the command line, without one the window."""

from __future__ import annotations

import gc
import sys


def _gui(argv: list[str]) -> int:
    # Imported here so the command line never pays for Qt.
    from workbench.ui.app import run_gui

    return run_gui(argv)


def main() -> int:
    """Entry point of the ``workbench`` script."""
    from workbench.cli.commands import command_from

    if command_from(sys.argv[1:]) == "report":
        # A report is one burst of allocation in a process that ends with it: the cyclic collector
        # would walk the imports' and the layout's objects some hundred times (~8 % of the run) and
        # free next to nothing. The window and the other commands keep it.
        gc.disable()
    from workbench.cli.main import main as cli_main

    return cli_main(sys.argv[1:], gui=_gui)


if __name__ == "__main__":
    sys.exit(main())
