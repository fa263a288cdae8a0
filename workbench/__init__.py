"""Workbench: the IPC micro-loan case workbench."""

from __future__ import annotations

__version__ = "0.1.0"
