"""Signing in programmatically, for the window tests that are not about signing in.

``signed_link(url)`` is what the sign-in dialog ends with: a ``StoreLink`` of a person who gave her
password. A new SQLite file gets its owner first (the OS login, as the dialog proposes), with
``PASSWORD``; a PostgreSQL store signs in with the server's authentication: given no login, as the
URL's (the tests' superuser, whom the test server trusts on 127.0.0.1; people give SCRAM passwords).
"""

from __future__ import annotations

from workbench.services.users import os_login
from workbench.ui.store_link import StoreLink, connect_store, is_server_url, open_door

PASSWORD = "correct horse battery"


def signed_link(url: str, login: str | None = None, password: str = PASSWORD) -> StoreLink:
    """The store at ``url`` with ``login`` (default: the OS login) signed in."""
    if is_server_url(url):
        return connect_store(url, login or "", password if login else "")  # "": the URL's login
    name = login or os_login()
    door = open_door(url)
    if not door.has_accounts:
        return door.create_owner(name, name, password)
    door.close()
    return connect_store(url, name, password)
