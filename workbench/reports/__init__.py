"""workbench.reports: placeholder package; filled in a later step."""

from __future__ import annotations
