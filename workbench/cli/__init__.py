"""The ``workbench`` command line: calc, schedule (and the store commands as they arrive)."""

from __future__ import annotations
