"""``--db postgresql://…`` on the command line: an empty server database is seeded, a URL
is never a folder, a password never printed, file-only commands say why they do not apply."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.cli_fixture import REPO_ROOT
from tests.pg_cluster import free_port


@pytest.mark.postgresql
def test_an_empty_server_database_is_seeded_once(cli, pg_empty_url: str) -> None:  # type: ignore[no-untyped-def]
    first = cli("plan", "--db", pg_empty_url, "--json")
    assert first.code == 0, first.err
    plans = first.json()["plans"]
    assert len(plans) == 1 and plans[0]["title"]
    tasks = [t for s in plans[0]["sections"] for sub in s["subsections"] for t in sub["tasks"]]
    tasks += [t for s in plans[0]["sections"] for t in s["tasks"]]
    assert len(tasks) == 60
    assert len(cli("plan", "--db", pg_empty_url, "--json").json()["plans"]) == 1
    backup = cli("backup", "--db", pg_empty_url, "--list")
    assert backup.code == 1 and "pg_dump" in backup.err


def test_a_server_that_is_not_there_is_one_line_and_never_a_folder(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    url = f"postgresql://clerk:topsecret@127.0.0.1:{free_port()}/duban?connect_timeout=3"
    result = cli("plan", "--db", url, "--json")
    assert result.code == 1 and "连不上数据库服务器" in result.err
    assert "topsecret" not in result.err + result.out
    assert len(result.err.strip().splitlines()) == 1
    for bad in ("mysql://u@h/d", "postgresql:/h/d"):
        refused = cli("plan", "--db", bad, "--json")
        assert refused.code == 2, refused.err
    assert not (REPO_ROOT / "postgresql:").exists() and not (REPO_ROOT / "mysql:").exists()
