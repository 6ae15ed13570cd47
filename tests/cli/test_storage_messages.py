"""The command line on a read-only folder or file, and on a full disk: one clear line.

Run as a clerk would run it. As root, file modes do not bind, so the commands run with
the capabilities that bypass them dropped (``setpriv``); a full disk is a small tmpfs.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.cli_fixture import REPO_ROOT

PROGRESS = ["progress", "add", "--task", "23", "--unit", "省公安厅", "--status", "in_progress",
            "--percent", "40", "--text", "推进中", "--reporter", "王喆"]  # fmt: skip


def _prefix() -> list[str]:
    if os.geteuid() != 0:
        return []
    setpriv = shutil.which("setpriv")
    if setpriv is None:
        pytest.skip("running as root without setpriv: file modes cannot be tested")
    probe = subprocess.run(
        [setpriv, "--bounding-set=-dac_override,-dac_read_search", "true"], capture_output=True
    )
    if probe.returncode != 0:
        pytest.skip("cannot drop the capabilities that bypass file modes here")
    return [setpriv, "--bounding-set=-dac_override,-dac_read_search"]


def _run(data: Path, *args: str, unprivileged: bool = False) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, DUBAN_DATA_DIR=str(data))
    env.pop("DUBAN_DEBUG", None)
    command = [sys.executable, str(REPO_ROOT / "main.py"), *args]
    return subprocess.run(
        (_prefix() if unprivileged else []) + command,
        capture_output=True, text=True, encoding="utf-8", env=env, cwd=REPO_ROOT, timeout=120,
    )  # fmt: skip


def _one_clear_line(result: subprocess.CompletedProcess[str], *words: str) -> None:
    assert result.returncode == 1, result.stdout[:200]
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and len(lines[0]) < 300, result.stderr[:500]
    assert "损坏" not in lines[0] and "SQL" not in lines[0] and "Error" not in lines[0]
    for word in words:
        assert word in lines[0], lines[0]


@pytest.fixture
def database(tmp_path: Path) -> Iterator[tuple[Path, Path]]:
    folder, data = tmp_path / "数据", tmp_path / "user"
    db = folder / "duban.sqlite"
    assert _run(data, "office", "--db", str(db), "--unit", "省公安厅").returncode == 0
    assert _run(data, *PROGRESS, "--db", str(db)).returncode == 0
    data.mkdir(exist_ok=True)
    data.chmod(0o777)
    yield db, data
    folder.chmod(0o755)
    db.chmod(0o644)


def test_a_read_only_folder_is_named_as_such(database: tuple[Path, Path]) -> None:
    db, data = database
    before = db.read_bytes()
    db.parent.chmod(0o555)
    for args in (["plan", "--json"], ["status", "--json"], PROGRESS):
        result = _run(data, *args, "--db", str(db), unprivileged=True)
        _one_clear_line(result, "只读")
    db.parent.chmod(0o755)
    assert db.read_bytes() == before


def test_a_read_only_file_reads_and_refuses_writes_plainly(database: tuple[Path, Path]) -> None:
    db, data = database
    db.chmod(0o444)
    shown = _run(data, "plan", "--json", "--db", str(db), unprivileged=True)
    assert shown.returncode == 0, shown.stderr
    written = _run(data, *PROGRESS, "--db", str(db), unprivileged=True)
    _one_clear_line(written, "只读")


@pytest.fixture
def full_disk(tmp_path: Path) -> Iterator[Path]:
    mount = tmp_path / "stick"
    mount.mkdir()
    if os.geteuid() != 0 or not shutil.which("mount"):
        pytest.skip("a full disk needs a small tmpfs (root)")
    made = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=2m", "tmpfs", str(mount)])
    if made.returncode != 0:
        pytest.skip("cannot mount a tmpfs here")
    yield mount
    subprocess.run(["umount", str(mount)], check=True)


def test_a_full_disk_is_not_called_a_damaged_file(
    database: tuple[Path, Path], full_disk: Path
) -> None:
    db, data = database
    shutil.copy(db, full_disk / "duban.sqlite")
    with open(full_disk / "filler", "wb", buffering=0) as filler:
        try:
            while True:
                filler.write(b"\0" * 4096)
        except OSError:
            pass  # the disk is full
    target = full_disk / "duban.sqlite"
    before = target.read_bytes()
    for args in (["plan", "--json"], PROGRESS):
        _one_clear_line(_run(data, *args, "--db", str(target)), "磁盘空间已满")
    assert target.read_bytes() == before
    (full_disk / "filler").unlink()
    assert _run(data, *PROGRESS, "--db", str(target)).returncode == 0
