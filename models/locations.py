"""Storage layer: where the data lives — a SQLite file, or a PostgreSQL database on a server.

``--db`` takes either. Anything that is not a URL (``scheme://…``) is a file path, so a
Windows path (``C:\\数据\\duban.sqlite``) and any folder name stay files. A URL is never taken
as a path: an unknown scheme is refused, not turned into a folder named ``mysql:``.

A password may arrive in the URL, from a prompt, from ``PGPASSWORD`` or from the pgpass file
(libpq reads the last two itself). It is kept in memory only: ``display()`` and ``repr``
never show it, and ``mask_url`` hides it in any text that quotes the URL.

Standard library only: the window reads this before SQLAlchemy is loaded.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from pathlib import Path
from urllib.parse import parse_qsl, quote, unquote, urlsplit

from models.errors import StoreError

SERVER_SCHEMES = frozenset({"postgresql", "postgres", "postgresql+psycopg"})
#: Connection options a desk may set in the URL (libpq's names); anything else is refused
#: so a typo does not silently connect without TLS.
ALLOWED_OPTIONS = frozenset(
    {
        "sslmode",
        "sslrootcert",
        "sslcert",
        "sslkey",
        "sslcrl",
        "connect_timeout",
        "application_name",
        "target_session_attrs",
        "passfile",
    }
)
SSL_MODES = frozenset({"disable", "allow", "prefer", "require", "verify-ca", "verify-full"})
DEFAULT_PORT = 5432
#: ``scheme://`` with a scheme of two or more letters: ``C://`` stays a Windows path.
_URL = re.compile(r"^(?P<scheme>[A-Za-z][A-Za-z0-9+.\-]+)://")
_SERVER_PREFIX = re.compile(r"^postgres(ql)?(\+psycopg)?:", re.IGNORECASE)
_PASSWORD_IN_URL = re.compile(r"(?P<head>[A-Za-z][A-Za-z0-9+.\-]+://[^:/@\s]*:)[^@\s]*@")


@dataclass(frozen=True)
class ServerAddress:
    """A PostgreSQL database: host, port, database name, role, connection options."""

    host: str
    database: str
    user: str | None = None
    port: int | None = None
    options: tuple[tuple[str, str], ...] = ()
    password: str | None = field(default=None, repr=False, compare=False)

    def display(self) -> str:
        """The URL without its password: safe for messages, logs and the status bar."""
        user = f"{quote(self.user, safe='')}@" if self.user else ""
        port = f":{self.port}" if self.port else ""
        query = "&".join(f"{k}={quote(v, safe='')}" for k, v in self.options)
        return f"postgresql://{user}{self.host}{port}/{quote(self.database, safe='')}" + (
            f"?{query}" if query else ""
        )

    def short_name(self) -> str:
        """``数据库 @ 主机`` for the status bar."""
        port = f":{self.port}" if self.port and self.port != DEFAULT_PORT else ""
        return f"{self.database} @ {self.host}{port}"

    def with_password(self, password: str | None) -> ServerAddress:
        return replace(self, password=password or None)

    def __str__(self) -> str:
        return self.display()


DatabaseLocation = Path | ServerAddress


def is_server(location: object) -> bool:
    return isinstance(location, ServerAddress)


def looks_like_url(text: str) -> bool:
    return bool(_URL.match(text.strip()))


def parse_location(value: str | Path | ServerAddress) -> DatabaseLocation:
    """A file path or a server address from what the clerk typed; raises StoreError."""
    if isinstance(value, (Path, ServerAddress)):
        return value
    text = value.strip()
    match = _URL.match(text)
    if not match:
        if _SERVER_PREFIX.match(text):  # postgresql:/h/d, postgres:h — a URL gone wrong
            raise StoreError("bad_database_url", mask_url(text))
        return Path(value)
    scheme = match.group("scheme").lower()
    if scheme == "sqlite":
        # SQLAlchemy's convention: sqlite:///relative.sqlite, sqlite:////abs/x, sqlite:///C:/x
        path = unquote(urlsplit(text).path)
        path = path[1:] if path.startswith("/") else path
        if not path:
            raise StoreError("bad_database_url", mask_url(text))
        return Path(path)
    if scheme not in SERVER_SCHEMES:
        raise StoreError("unsupported_database_url", mask_url(text))
    return _server_address(text)


def _server_address(text: str) -> ServerAddress:
    try:
        parts = urlsplit(text)
        port = parts.port
    except ValueError:
        raise StoreError("bad_database_url", mask_url(text)) from None
    database = unquote(parts.path.lstrip("/"))
    if not parts.hostname or not database or "/" in database:
        raise StoreError("bad_database_url", mask_url(text))
    options: list[tuple[str, str]] = []
    for key, option in parse_qsl(parts.query, keep_blank_values=True):
        if key not in ALLOWED_OPTIONS:
            raise StoreError("bad_database_option", key)
        if key == "sslmode" and option not in SSL_MODES:
            raise StoreError("bad_database_option", f"sslmode={option}")
        options.append((key, option))
    return ServerAddress(
        host=parts.hostname,
        database=database,
        user=unquote(parts.username) if parts.username else None,
        port=port,
        options=tuple(options),
        password=unquote(parts.password) if parts.password else None,
    )


def mask_url(text: str) -> str:
    """``scheme://user:secret@host`` → ``scheme://user:***@host`` anywhere in ``text``."""
    return _PASSWORD_IN_URL.sub(lambda m: f"{m.group('head')}***@", text)


def describe_location(location: DatabaseLocation) -> str:
    """What to show a clerk: the file's path, or the server URL without a password."""
    return location.display() if isinstance(location, ServerAddress) else str(location)
