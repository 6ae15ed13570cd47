"""The foundation's command line on real files: parse, plan, import-plan, office, progress."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from tests.conftest import SEED_PATH


def tasks_of(plan: dict) -> list[dict]:  # type: ignore[type-arg]
    out = []
    for section in plan["sections"]:
        out += section["tasks"]
        for sub in section["subsections"]:
            out += sub["tasks"]
    return out


def test_parse_seed_json(cli) -> None:  # type: ignore[no-untyped-def]
    result = cli("parse", str(SEED_PATH), "--json")
    assert result.code == 0, result.err
    (plan,) = result.json()["plans"]
    assert plan["issuer"] == "黑龙江省人民政府办公厅" and plan["issued_on"] == "2016-10-11"
    assert len(plan["sections"]) == 6
    assert sum(len(s["subsections"]) for s in plan["sections"]) == 26
    tasks = tasks_of(plan)
    assert len(tasks) == 60
    pairs = [(u["name"], u["role"]) for t in tasks for u in t["units"]]
    assert len(pairs) == 251 and len({name for name, _ in pairs}) == 27
    groups = {u["name"] for t in tasks for u in t["units"] if u["group"]}
    assert groups == {"省知识产权战略制定和实施工作领导小组其他各成员单位"}
    assert all("progress" not in t for t in tasks)


def test_plan_on_a_missing_file_creates_seeds_and_prints(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    db = tmp_path / "NEW.sqlite"
    first = cli("plan", "--db", str(db), "--json")
    assert first.code == 0, first.err
    parsed = cli("parse", str(SEED_PATH), "--json").json()["plans"][0]
    stored = first.json()["plans"][0]
    assert [t["units"] for t in tasks_of(stored)] == [t["units"] for t in tasks_of(parsed)]
    assert stored["id"] == parsed["id"]
    digest = hashlib.sha256(db.read_bytes()).hexdigest()
    second = cli("plan", "--db", str(db), "--json")
    assert second.json() == first.json()
    assert len(second.json()["plans"]) == 1
    assert digest  # the file exists and was readable


@pytest.mark.parametrize(
    "content",
    [b"", b"\x00\x01\x02\x03binary\xff\xfe" * 40, "只是一段说明文字，没有任务。".encode(), None],
    ids=["empty", "binary", "prose", "missing"],
)
def test_bad_files_exit_1_with_one_chinese_line(cli, tmp_path: Path, content: bytes | None) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "方案.txt"
    if content is not None:
        path.write_bytes(content)
    result = cli("parse", str(path), "--json")
    assert result.code == 1
    assert result.out == ""
    lines = result.err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("错误：")
    assert "Traceback" not in result.err


def test_unreadable_assignment_is_listed_as_a_flagged_task(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "plan.txt"
    path.write_text(
        "一、任务\n1.甲，2020年底前完成。（省发改委负责）\n2.乙。（牵头）\n", encoding="utf-8"
    )
    result = cli("parse", str(path), "--json")
    assert result.code == 0, result.err
    first, second = tasks_of(result.json()["plans"][0])
    assert "problems" not in first and first["deadline_text"] == "2020年底前完成"
    assert first["deadline"] == "2020-12-31"
    assert second["units"] == [] and second["line"] == 3
    (problem,) = second["problems"]
    assert problem["code"] == "unreadable_assignment" and problem["line"] == 3
    assert "第 3 行" in problem["message"]
    strict = cli("parse", str(path), "--json", "--strict")
    assert strict.code == 1 and strict.json() == result.json()
    assert cli("parse", str(SEED_PATH), "--strict").code == 0
    # import-plan stores every task; the flagged one is 待补充 in plan --json.
    db = str(tmp_path / "d.sqlite")
    imported = cli("import-plan", str(path), "--db", db)
    assert imported.code == 0 and "1 项任务待补充" in imported.out
    stored = cli("plan", "--db", db, "--json").json()["plans"][1]
    assert [t.get("needs_completion", False) for t in tasks_of(stored)] == [False, True]


def test_bad_usage_exits_2(cli) -> None:  # type: ignore[no-untyped-def]
    assert cli("parse").code == 2
    assert cli("no-such-command").code == 2
    assert cli("progress", "add", "--task", "1").code == 2


def test_import_plan_office_and_progress(cli, tmp_path: Path, db_arg: str) -> None:  # type: ignore[no-untyped-def]
    db = db_arg
    other = tmp_path / "other.txt"
    other.write_text(
        "某市重点任务分工方案\n一、任务\n1.推进甲工作。（市发改委牵头，市财政局配合）\n",
        encoding="utf-8",
    )
    imported = cli("import-plan", str(other), "--db", db)
    assert imported.code == 0 and "已导入方案" in imported.out
    again = cli("import-plan", str(other), "--db", db)
    assert again.code == 1 and "已经导入过" in again.err
    assert len(cli("plan", "--db", db, "--json").json()["plans"]) == 2

    shown = cli("office", "--db", db, "--show")
    assert shown.code == 0 and "（未设置）" in shown.out
    assert cli("office", "--db", db, "--unit", "火星局").code == 1
    assert cli("office", "--db", db, "--unit", "省公安厅").code == 0
    assert "省公安厅" in cli("office", "--db", db, "--show").out

    added = cli(
        "progress",
        "add",
        "--db",
        db,
        "--task",
        "23",
        "--unit",
        "省公安厅",
        "--status",
        "推进中",
        "--percent",
        "60",
        "--text",
        "开展专项打击行动",
        "--reporter",
        "李赟",
        "--date",
        "2026-05-01",
    )
    assert added.code == 0, added.err
    plan = cli("plan", "--db", db, "--json").json()["plans"][0]
    task23 = next(t for t in tasks_of(plan) if t["number"] == 23)
    assert task23["progress"][0]["percent"] == 60
    assert task23["progress"][0]["reporter"] == "李赟"
    assert task23["progress"][0]["date"] == "2026-05-01"

    bad = cli(
        "progress",
        "add",
        "--db",
        db,
        "--task",
        "23",
        "--unit",
        "省公安厅",
        "--status",
        "done",
        "--percent",
        "120",
        "--text",
        "x",
    )
    assert bad.code == 1 and "0 到 100" in bad.err
    other_unit = cli(
        "progress",
        "add",
        "--db",
        db,
        "--task",
        "25",
        "--unit",
        "哈尔滨海关",
        "--status",
        "in_progress",
        "--percent",
        "10",
        "--text",
        "x",
    )
    assert other_unit.code == 1 and "不能为其他单位" in other_unit.err
    bad_status = cli(
        "progress",
        "add",
        "--db",
        db,
        "--task",
        "23",
        "--unit",
        "省公安厅",
        "--status",
        "finished",
        "--percent",
        "10",
        "--text",
        "x",
    )
    assert bad_status.code == 1 and "无法识别的状态" in bad_status.err
