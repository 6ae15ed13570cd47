"""Storage layer: Duban's database on a PostgreSQL server (the coordinating office's LAN).

The same models and Alembic migrations as the SQLite file. What differs is said here:

- the engine (psycopg 3), with connection failures turned into ``StoreError`` codes
  (unreachable, wrong password, no such database) whose text never holds a password;
- the schema check, through the connection instead of reading the file's header;
- a migration changes the data of every desk at once, so it runs only after the clerk
  confirmed it, under an advisory lock (two desks opening at once migrate once), after a
  ``pg_dump`` copy when pg_dump is at hand; without it the question says plainly that the
  server's own backups must be current.
"""

from __future__ import annotations

import datetime as dt
import glob
import os
import shutil
import subprocess
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from models.errors import StoreError
from models.locations import ServerAddress
from runtime.paths import user_data_dir

if TYPE_CHECKING:
    from sqlalchemy import Connection, Engine

#: pg_advisory_xact_lock key for migrations ("DUBM").
MIGRATION_LOCK = 0x4455424D
#: Seconds to wait for the server to answer a new connection.
CONNECT_TIMEOUT_S = 10
#: SQLSTATEs that mean a login problem (invalid_password, invalid_authorization_specification).
_AUTH_STATES = frozenset({"28P01", "28000"})
_NO_DATABASE_STATE = "3D000"


@dataclass(frozen=True)
class ServerMigration:
    """What a clerk is asked before the server's schema is upgraded."""

    address: str
    current: str
    target: str
    pg_dump: str | None

    def question_zh(self) -> str:
        backup = (
            f"升级前会用 pg_dump 把整个数据库备份到本机：{server_backups_dir()}。"
            if self.pg_dump
            else "本机没有 pg_dump，无法先做备份：请先确认服务器自己的备份是最新的。"
        )
        return (
            f"数据库服务器 {self.address} 上的 Duban 数据结构是 {self.current} 版，"
            f"本程序需要 {self.target} 版。升级会影响所有连接这台服务器的电脑，"
            f"升级后旧版本的 Duban 将无法再打开它。{backup}是否现在升级？"
        )


ConfirmMigration = Callable[[ServerMigration], bool]


def create_server_engine(address: ServerAddress) -> Engine:
    from sqlalchemy import URL, create_engine

    import models.server_types  # noqa: F401  (String as unbounded VARCHAR on the server)

    options = dict(address.options)
    connect_args: dict[str, object] = {"application_name": "Duban"}
    if "connect_timeout" not in options:
        connect_args["connect_timeout"] = CONNECT_TIMEOUT_S
    url = URL.create(
        "postgresql+psycopg",
        username=address.user,
        password=address.password,
        host=address.host,
        port=address.port,
        database=address.database,
        query=options,
    )
    # hide_parameters: values of a failed statement (a clerk's text) stay out of messages.
    return create_engine(
        url, pool_pre_ping=True, hide_parameters=True, connect_args=connect_args, future=True
    )


def server_error(exc: BaseException, address: ServerAddress) -> StoreError:
    """A connection failure as a StoreError code; the detail names the server, no password."""
    orig = getattr(exc, "orig", exc)
    state = getattr(orig, "sqlstate", None)
    text = str(orig).strip().splitlines()[0] if str(orig).strip() else type(orig).__name__
    detail = f"{address.display()}（{text}）"
    if state in _AUTH_STATES or "password" in text.lower():
        return StoreError("server_auth_failed", detail)
    if state == _NO_DATABASE_STATE:
        return StoreError("server_database_missing", detail)
    return StoreError("server_unreachable", detail)


def check_connection(address: ServerAddress) -> str:
    """The server's version string, or a StoreError saying why it cannot be reached."""
    from sqlalchemy import text
    from sqlalchemy.exc import DBAPIError

    engine = create_server_engine(address)
    try:
        with engine.connect() as conn:
            return str(conn.execute(text("SHOW server_version")).scalar_one())
    except DBAPIError as exc:
        raise server_error(exc, address) from None
    finally:
        engine.dispose()


def server_schema_revision(conn: Connection) -> str | None:
    """The database's Alembic revision; None when it has no tables yet."""
    from sqlalchemy import inspect, text

    tables = set(inspect(conn).get_table_names())
    if "alembic_version" not in tables:
        if tables:
            raise StoreError("not_a_duban_database", "（服务器上的这个数据库已有其他表）")
        return None
    return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()


def prepare_server_database(
    address: ServerAddress,
    known: tuple[str, ...],
    run_migrations: Callable[[Connection], None],
    confirm: ConfirmMigration | None,
) -> None:
    """Create or upgrade the server's schema to ``known[-1]`` (see the module docstring)."""
    from sqlalchemy import text
    from sqlalchemy.exc import DBAPIError

    head = known[-1]
    engine = create_server_engine(address)
    try:
        try:
            with engine.connect() as conn:
                current = server_schema_revision(conn)
        except DBAPIError as exc:
            raise server_error(exc, address) from None
        if current == head:
            return
        if current is not None and current not in known:
            raise StoreError("database_too_new", address.display())
        if current is not None:
            question = ServerMigration(address.display(), current, head, find_pg_dump())
            if confirm is None or not confirm(question):
                raise StoreError("server_migration_unconfirmed", f"{current} → {head}")
            if question.pg_dump:
                dump_server(address, question.pg_dump, reason="before-migration")
        with engine.begin() as conn:
            conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": MIGRATION_LOCK})
            if server_schema_revision(conn) != head:  # another desk may have just done it
                run_migrations(conn)
    finally:
        engine.dispose()


def find_pg_dump() -> str | None:
    """pg_dump on PATH, else the newest Debian/Ubuntu PostgreSQL's, else None."""
    found = shutil.which("pg_dump")
    if found:
        return found
    candidates = sorted(glob.glob("/usr/lib/postgresql/*/bin/pg_dump"), key=_version_key)
    return candidates[-1] if candidates else None


def _version_key(path: str) -> tuple[int, ...]:
    part = Path(path).parent.parent.name
    return tuple(int(p) for p in part.split(".") if p.isdigit())


def server_backups_dir() -> Path:
    return user_data_dir() / "server-backups"


def dump_server(address: ServerAddress, pg_dump: str, *, reason: str) -> Path:
    """pg_dump -Fc of the whole database into the per-user folder; raises StoreError."""
    folder = server_backups_dir()
    folder.mkdir(parents=True, exist_ok=True)
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    target = folder / f"{address.database}-{stamp}-{reason}.dump"
    env = dict(os.environ)
    if address.password:
        env["PGPASSWORD"] = address.password  # never on the command line (ps shows it)
    try:
        subprocess.run(
            [pg_dump, "--format=custom", f"--file={target}", f"--dbname={address.display()}"],
            env=env,
            check=True,
            capture_output=True,
            timeout=3600,
        )
    except (OSError, subprocess.SubprocessError) as exc:
        stderr = getattr(exc, "stderr", b"") or b""
        detail = stderr.decode("utf-8", "replace").strip() or str(exc)
        target.unlink(missing_ok=True)
        raise StoreError("server_backup_failed", detail) from None
    return target
