"""The IPC domain core: pure Python, standard library only, money as Decimal.

Every figure the screens, reports and committee show is computed here. Values are
frozen dataclasses; functions are pure.
"""

from __future__ import annotations
