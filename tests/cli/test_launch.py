"""The first step of every start: the window without the command parser, commands as before."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from cli.launch import start_window, window_database

REPO_ROOT = Path(__file__).resolve().parent.parent.parent


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        ([], (True, None)),
        (["--db", "甲 乙.sqlite"], (True, "甲 乙.sqlite")),
        (["--db=postgresql://duban@server/duban"], (True, "postgresql://duban@server/duban")),
        (["--db", "--help"], (False, None)),
        (["status", "--json"], (False, None)),
        (["--db", "x.sqlite", "status"], (False, None)),
        (["--version"], (False, None)),
    ],
)
def test_only_nothing_or_a_database_opens_the_window(
    argv: list[str], expected: tuple[bool, str | None]
) -> None:
    assert window_database(argv) == expected


def test_a_bad_server_address_is_a_usage_error_before_any_window(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert start_window("mysql://office/duban") == 2
    err = capsys.readouterr().err
    assert err.startswith("用法错误：--db：") and "postgresql://" in err


def test_the_window_path_leaves_the_command_parser_unloaded() -> None:
    code = (
        "import sys, cli.launch; "
        "cli.launch.window_database(['--db', 'x.sqlite']); "
        "print(sorted(m for m in ('argparse', 'cli.app', 'cli.common', 'sqlite3') "
        "if m in sys.modules))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=REPO_ROOT, capture_output=True, text=True, check=True
    )
    assert out.stdout.strip() == "[]"


def test_a_command_still_runs_through_the_parser() -> None:
    out = subprocess.run(
        [sys.executable, "main.py", "--version"], cwd=REPO_ROOT, capture_output=True, text=True
    )
    assert out.returncode == 0 and out.stdout.startswith("Duban ")


def test_a_database_named_before_the_command_is_the_one_used(tmp_path: Path) -> None:
    db = tmp_path / "办公室.sqlite"
    env = {**os.environ, "DUBAN_DATA_DIR": str(tmp_path / "data")}
    for argv in (
        ["--db", str(db), "office", "--coordinating-office"],
        ["office", "--show", "--db", str(db)],
    ):
        out = subprocess.run(
            [sys.executable, "main.py", *argv], cwd=REPO_ROOT, env=env, capture_output=True,
            text=True,
        )  # fmt: skip
        assert out.returncode == 0, out.stderr
        assert "协调办公室" in out.stdout
    assert db.is_file() and not (tmp_path / "data" / "duban.sqlite").exists()
