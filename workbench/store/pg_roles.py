"""PostgreSQL login roles of the people of a store: what an administrator's tools call.

Every person is a LOGIN role named like her ``app_user.username``, member of the group role of her
lending role, ``workbench_role(kind)`` (migration 0010: ``<prefix>_officer`` …), and of
``<prefix>_admin`` when she administers the store (``app_user.is_admin``, or the role ``admin``); their
privileges, row security and triggers decide what she may do. The connection must be the
schema owner's or another role with CREATEROLE (PostgreSQL 16 also wants ADMIN on the group roles).

Identifiers are quoted with ``psycopg.sql.Identifier`` and passwords passed as ``sql.Literal``:
``CREATE ROLE``/``ALTER ROLE`` take no bind parameters. The password is hashed by the server with
SCRAM-SHA-256 (``password_encryption`` is set for the statement), never stored in clear, and never
appears in an error this module raises.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from workbench.domain.records import Role

if TYPE_CHECKING:
    from psycopg import sql
    from sqlalchemy import Connection

__all__ = [
    "LoginRoleError",
    "create_login",
    "disable",
    "enable",
    "group_of",
    "login_exists",
    "set_password",
    "set_role",
]


def group_of(connection: Connection, role: Role) -> str:
    """The store's group role for ``role`` (``workbench_role``)."""
    name = connection.exec_driver_sql("SELECT workbench_role(%s)", (role.value,)).scalar_one()
    return str(name)


class LoginRoleError(Exception):
    """The server refused to change a login role (most often: the connection lacks CREATEROLE);
    ``detail`` is the server's first line, which never holds a password (they go as literals the
    server does not echo)."""

    def __init__(self, detail: str) -> None:
        self.detail = detail
        super().__init__(detail)


def _run(connection: Connection, statement: sql.Composable) -> None:
    raw = connection.connection.driver_connection
    if raw is None:  # pragma: no cover - an open SQLAlchemy connection always has its driver's
        raise RuntimeError("no driver connection")
    import psycopg

    try:
        with raw.cursor() as cursor:
            cursor.execute(statement)
    except psycopg.Error as error:
        raise LoginRoleError(
            str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
        ) from None


def login_exists(connection: Connection, login: str) -> bool:
    """Whether the server has a role named ``login``."""
    found = connection.exec_driver_sql("SELECT 1 FROM pg_roles WHERE rolname = %s", (login,)).first()
    return found is not None


def _groups(connection: Connection) -> list[str]:
    return [group_of(connection, role) for role in Role]


def _scram(connection: Connection) -> None:
    """Hash the passwords of this transaction with SCRAM-SHA-256 whatever the server's default."""
    connection.exec_driver_sql("SELECT set_config('password_encryption', 'scram-sha-256', true)")


def create_login(
    connection: Connection, login: str, password: str | None, role: Role, *, admin: bool = False
) -> None:
    """``CREATE ROLE login LOGIN PASSWORD …`` (SCRAM) and membership in the group of ``role`` (and of
    the administrators' when ``admin``).

    ``password`` ``None``: no password (client certificates, or ``peer`` on the server's host).
    """
    from psycopg import sql  # only a team store's administrator gets here: opening a store stays light

    _scram(connection)
    secret = sql.SQL("NULL") if password is None else sql.Literal(password)
    _run(connection, sql.SQL("CREATE ROLE {} LOGIN PASSWORD {}").format(sql.Identifier(login), secret))
    set_role(connection, login, role, admin=admin)


def set_role(connection: Connection, login: str, role: Role, *, admin: bool = False) -> None:
    """Make ``login`` a member of the group of ``role``, and of the administrators' exactly when
    ``admin`` (``app_user.is_admin``) or ``role`` is ``admin``; out of the store's other groups."""
    from psycopg import sql  # only a team store's administrator gets here: opening a store stays light

    wanted = {group_of(connection, role)}
    if admin or role is Role.ADMIN:
        wanted.add(group_of(connection, Role.ADMIN))
    revoke, grant = sql.SQL("REVOKE {} FROM {}"), sql.SQL("GRANT {} TO {}")
    for group in _groups(connection):
        statement = grant if group in wanted else revoke
        _run(connection, statement.format(sql.Identifier(group), sql.Identifier(login)))
    # An administrator makes people's logins (CREATEROLE). Before PostgreSQL 16 that right reaches
    # every non-superuser role: keep administrators few (docs/security.md).
    creates = sql.SQL("CREATEROLE" if len(wanted) > 1 or role is Role.ADMIN else "NOCREATEROLE")
    _run(connection, sql.SQL("ALTER ROLE {} {}").format(sql.Identifier(login), creates))


def disable(connection: Connection, login: str) -> None:
    """``NOLOGIN``: the person cannot connect any more (her sessions open now end with them)."""
    from psycopg import sql  # only a team store's administrator gets here: opening a store stays light

    _run(connection, sql.SQL("ALTER ROLE {} NOLOGIN").format(sql.Identifier(login)))


def enable(connection: Connection, login: str) -> None:
    """``LOGIN`` again."""
    from psycopg import sql  # only a team store's administrator gets here: opening a store stays light

    _run(connection, sql.SQL("ALTER ROLE {} LOGIN").format(sql.Identifier(login)))


def set_password(connection: Connection, login: str, password: str) -> None:
    """A new password (SCRAM-SHA-256)."""
    from psycopg import sql  # only a team store's administrator gets here: opening a store stays light

    _scram(connection)
    _run(
        connection,
        sql.SQL("ALTER ROLE {} PASSWORD {}").format(sql.Identifier(login), sql.Literal(password)),
    )
