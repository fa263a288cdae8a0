"""Use cases: the only way the window and the command line reach files and the store."""

from __future__ import annotations
