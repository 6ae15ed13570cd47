"""Chinese characters and spaces in user names, folders and file names, end to end via the CLI.

Two installations (a unit and the coordinating office) keep their databases, signing keys
and exchange files under folders such as ``测试 目录``; the unit reports, exports, the office
registers its key, imports, prints a sheet and lists its backups.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from runtime import paths
from tests.conftest import REPO_ROOT


@dataclass
class Run:
    code: int
    out: str
    err: str


def runner(data_dir: Path, **extra_env: str):  # type: ignore[no-untyped-def]
    env = dict(os.environ, DUBAN_DATA_DIR=str(data_dir), **extra_env)
    env.pop("DUBAN_DEBUG", None)

    def run(*args: str | Path) -> Run:
        proc = subprocess.run(
            [sys.executable, str(REPO_ROOT / "main.py"), *map(str, args)],
            capture_output=True,
            text=True,
            encoding="utf-8",
            env=env,
            cwd=REPO_ROOT,
            timeout=120,
        )
        return Run(proc.returncode, proc.stdout, proc.stderr)

    return run


def test_two_offices_under_a_chinese_folder_with_spaces(tmp_path: Path) -> None:
    # '#' and '%41' once broke the SQLite URIs and SQLAlchemy URLs built from paths.
    base = tmp_path / "测试 目录" / "第 #1 %41 批"
    base.mkdir(parents=True)
    run = runner(tmp_path / "张 三 的数据")
    unit_db, office_db = base / "省公安厅 数据.sqlite", base / "协调办 数据.sqlite"
    usb = base / "U盘 交换 文件夹"
    usb.mkdir()

    assert run("office", "--unit", "省公安厅", "--db", unit_db).code == 0
    text = "已召开 专题会议，形成方案"
    added = run("progress", "add", "--db", unit_db, "--task", "23", "--unit", "省公安厅",
                "--status", "推进中", "--percent", "35", "--text", text,
                "--reporter", "张三")  # fmt: skip
    assert added.code == 0, added.err
    shown = run("keys", "--show", "--db", unit_db)
    fingerprint = re.search(r"本机密钥指纹：([0-9A-F ]+)", shown.out)
    assert shown.code == 0 and fingerprint, shown.out + shown.err
    exported = run("exchange", "export", "--db", unit_db, "-o", usb)
    assert exported.code == 0, exported.err
    (file,) = usb.glob("*.duban")
    assert file.name.startswith("省公安厅-") and str(file) in exported.out

    assert run("office", "--coordinating-office", "--db", office_db).code == 0
    trusted = run("keys", "--trust", file, "--fingerprint", fingerprint.group(1), "--db", office_db)
    assert trusted.code == 0, trusted.out + trusted.err
    imported = run("exchange", "import", file, "--db", office_db)
    assert imported.code == 0, imported.out + imported.err
    again = run("exchange", "import", file, "--db", office_db)
    assert again.code == 0 and "已经导入过" in again.out, again.out

    plan = json.loads(run("plan", "--db", office_db, "--json").out)
    reports = [
        (p["unit"], p["percent"], p["work_done"])
        for s in plan["plans"][0]["sections"]
        for sub in s["subsections"]
        for t in sub["tasks"]
        if t["number"] == 23
        for p in t["progress"]
    ]
    assert reports == [("省公安厅", 35, text)]

    pdf = base / "省公安厅 责任 清单.pdf"
    sheet = run("sheet", "--unit", "省公安厅", "-o", pdf, "--db", office_db)
    assert sheet.code == 0, sheet.err
    assert pdf.read_bytes().startswith(b"%PDF-") and b"/FontFile2" in pdf.read_bytes()

    listed = run("backup", "--list", "--db", office_db)
    assert listed.code == 0 and "导入交换文件前" in listed.out
    assert (base / "协调办 数据.sqlite.backups").is_dir()
    # every file stayed where it was named: nothing was created beside a cut-off path
    assert sorted(p.name for p in tmp_path.iterdir()) == ["张 三 的数据", "测试 目录"]
    assert [p.name for p in base.parent.iterdir()] == [base.name]
    assert (tmp_path / "张 三 的数据" / "keys").is_dir()


def test_default_database_under_a_chinese_user_name(tmp_path: Path) -> None:
    """No --db: the database goes to the platform's per-user folder (XDG here)."""
    home = tmp_path / "home" / "张 三"
    run = runner(tmp_path / "unused", XDG_DATA_HOME=str(home / ".local" / "share"))
    env_free = dict(os.environ)
    env_free.pop("DUBAN_DATA_DIR", None)
    proc = subprocess.run(
        [sys.executable, str(REPO_ROOT / "main.py"), "office", "--unit", "省公安厅"],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=dict(env_free, XDG_DATA_HOME=str(home / ".local" / "share"), HOME=str(home)),
        cwd=REPO_ROOT,
        timeout=120,
    )
    assert proc.returncode == 0, proc.stderr
    assert (home / ".local" / "share" / "Duban" / "duban.sqlite").is_file()
    assert run("backup", "--list", "--db", home / ".local/share/Duban/duban.sqlite").code == 0


def test_windows_folders_follow_appdata(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    roaming = tmp_path / "Users" / "张 三" / "AppData" / "Roaming"
    monkeypatch.delenv("DUBAN_DATA_DIR", raising=False)
    monkeypatch.setattr(sys, "platform", "win32")
    monkeypatch.setenv("APPDATA", str(roaming))
    assert paths.user_data_dir() == roaming / "Duban"
    assert paths.default_database_path() == roaming / "Duban" / "duban.sqlite"
