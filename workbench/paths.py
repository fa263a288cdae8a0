"""Where the app finds its shipped resources and keeps its data.

This is the one place that knows the layout:

* resources (fonts, demo cases, schemas) live in ``resources/`` at the repository root during
  development and in ``workbench/_resources/`` inside an installed wheel (pyproject's force-include);
* user data (the SQLite database, exports) lives in the platform's user data directory, e.g.
  ``~/.local/share/Workbench`` on Linux; ``WORKBENCH_DATA_DIR`` overrides it (tests use that);
* what can be made again (the parsed report font) lives in the user cache directory, e.g.
  ``~/.cache/Workbench``; ``WORKBENCH_CACHE_DIR`` overrides it.

Nothing here creates files at import time.
"""

from __future__ import annotations

import functools
import os
from pathlib import Path

import platformdirs

APP_NAME = "Workbench"
DATABASE_FILENAME = "workbench.sqlite3"

_PACKAGE_DIR = Path(__file__).resolve().parent


@functools.cache
def resources_root() -> Path:
    """The directory holding the shipped resources (installed wheel first, then the dev tree)."""
    for candidate in (_PACKAGE_DIR / "_resources", _PACKAGE_DIR.parent / "resources"):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(
        f"workbench resources not found: looked in {_PACKAGE_DIR / '_resources'} "
        f"and {_PACKAGE_DIR.parent / 'resources'}"
    )


def resource_path(*parts: str) -> Path:
    """Path of a shipped resource, e.g. ``resource_path("fonts", "wqy-microhei.ttc")``."""
    return resources_root().joinpath(*parts)


def user_data_dir() -> Path:
    """The directory for the user's data; not created here (``ensure_user_data_dir`` does that)."""
    override = os.environ.get("WORKBENCH_DATA_DIR")
    if override:
        return Path(override).expanduser()
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def user_cache_dir() -> Path:
    """The directory for files the app can make again; not created here."""
    override = os.environ.get("WORKBENCH_CACHE_DIR")
    if override:
        return Path(override).expanduser()
    return Path(platformdirs.user_cache_dir(APP_NAME, appauthor=False))


def ensure_user_data_dir() -> Path:
    """Create the user data directory if needed and return it."""
    path = user_data_dir()
    path.mkdir(parents=True, exist_ok=True)
    return path


def default_database_url() -> str:
    """SQLAlchemy URL of the default database: a SQLite file in the user data directory."""
    return f"sqlite:///{user_data_dir() / DATABASE_FILENAME}"


def database_url(explicit: str | None = None) -> str:
    """The database to use: ``--db URL`` if given, else ``WORKBENCH_DB_URL``, else the SQLite default."""
    return explicit or os.environ.get("WORKBENCH_DB_URL") or default_database_url()
