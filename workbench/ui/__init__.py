"""The PySide6 desktop UI: the only package that imports Qt.

Importing this package does not import Qt; ``workbench.ui.app`` does.
"""

from __future__ import annotations
