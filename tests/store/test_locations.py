"""``--db`` values: a file path stays a file, a server URL is a server, a password is
never shown, and a URL is never turned into a folder."""

from __future__ import annotations

from pathlib import Path

import pytest

from models.errors import StoreError
from models.locations import (
    ServerAddress,
    describe_location,
    mask_url,
    parse_location,
)


@pytest.mark.parametrize(
    "text",
    ["duban.sqlite", "数据/督办 数据.sqlite", r"C:\Users\张 三\duban.sqlite", "C:/x/#1 %41.sqlite"],
)
def test_paths_stay_files(text: str) -> None:
    assert parse_location(text) == Path(text)


def test_server_url_with_everything() -> None:
    address = parse_location("postgresql://clerk:s%40cret@10.0.0.5:5433/duban?sslmode=verify-full")
    assert isinstance(address, ServerAddress)
    assert (address.host, address.port, address.database, address.user) == (
        "10.0.0.5",
        5433,
        "duban",
        "clerk",
    )
    assert address.password == "s@cret" and address.options == (("sslmode", "verify-full"),)
    for shown in (address.display(), str(address), repr(address), describe_location(address)):
        assert "s@cret" not in shown and "s%40cret" not in shown
    assert address.display() == "postgresql://clerk@10.0.0.5:5433/duban?sslmode=verify-full"
    assert address.short_name() == "duban @ 10.0.0.5:5433"
    # Equal whatever the password: the same database.
    assert address == address.with_password(None)


def test_other_spellings() -> None:
    assert parse_location("postgres://db-server/duban") == ServerAddress("db-server", "duban")
    assert parse_location("postgresql+psycopg://u@h/d") == ServerAddress("h", "d", "u")
    assert parse_location("sqlite:///rel/x.sqlite") == Path("rel/x.sqlite")
    assert parse_location("sqlite:////abs/x.sqlite") == Path("/abs/x.sqlite")


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("mysql://u@h/d", "unsupported_database_url"),
        ("postgresql://h/", "bad_database_url"),
        ("postgresql:///d", "bad_database_url"),
        ("postgresql://h:99999/d", "bad_database_url"),
        ("postgresql://h/d?sslmod=require", "bad_database_option"),
        ("postgresql://h/d?sslmode=sometimes", "bad_database_option"),
        ("postgresql:/h/d", "bad_database_url"),
        ("postgres:h", "bad_database_url"),
    ],
)
def test_bad_urls_are_refused_not_taken_as_paths(text: str, code: str) -> None:
    with pytest.raises(StoreError) as info:
        parse_location(text)
    assert info.value.code == code


def test_masking_hides_passwords_in_any_text() -> None:
    text = "连不上 postgresql://clerk:hunter2@h/d 和 postgres://a:b@c/d"
    assert mask_url(text) == "连不上 postgresql://clerk:***@h/d 和 postgres://a:***@c/d"
    assert mask_url("postgresql://clerk@h/d") == "postgresql://clerk@h/d"
