"""Dialogs of the case workbench window."""

from __future__ import annotations
