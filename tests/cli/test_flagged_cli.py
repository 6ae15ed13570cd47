"""import-plan stores every task; a flagged one is 待补充 in plan --json until edit-task."""

from __future__ import annotations

from pathlib import Path

from tests.store.test_flagged_tasks import PLAN


def _task3(cli, db: Path) -> dict:  # type: ignore[no-untyped-def, type-arg]
    plans = cli("plan", "--db", str(db), "--json").json()["plans"]
    plan = next(p for p in plans if p["title"].startswith("某省推进营商环境"))
    return plan["sections"][0]["tasks"][2]


def test_import_plan_keeps_the_flagged_task_until_the_office_completes_it(
    cli,  # type: ignore[no-untyped-def]
    tmp_path: Path,
) -> None:
    source = tmp_path / "方案.txt"
    source.write_text(PLAN, encoding="utf-8")
    db = tmp_path / "office.sqlite"
    assert cli("office", "--db", str(db), "--coordinating-office").code == 0
    imported = cli("import-plan", str(source), "--db", str(db))
    assert imported.code == 0, imported.err
    assert "4 项任务" in imported.out and "1 项任务待补充" in imported.out
    assert "第 5 行" in imported.out

    task = _task3(cli, db)
    assert task["number"] == 3 and task["needs_completion"] and task["units"] == []
    plan_id = cli("plan", "--db", str(db), "--json").json()["plans"][1]["id"]

    missing_reason = cli("edit-task", "--db", str(db), "--plan", plan_id, "--task", "3")
    assert missing_reason.code == 2
    done = cli(
        "edit-task", "--db", str(db), "--plan", plan_id, "--task", "3",
        "--lead", "省公安厅", "--cooperate", "省司法厅", "--reason", "补充分工",
    )  # fmt: skip
    assert done.code == 0, done.err
    task = _task3(cli, db)
    assert "needs_completion" not in task and "problems" not in task
    assert [(u["name"], u["role"]) for u in task["units"]] == [
        ("省公安厅", "牵头"),
        ("省司法厅", "配合"),
    ]


def test_edit_task_not_a_task_takes_the_line_out(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    source = tmp_path / "方案.txt"
    source.write_text(PLAN, encoding="utf-8")
    db = tmp_path / "office.sqlite"
    assert cli("office", "--db", str(db), "--coordinating-office").code == 0
    assert cli("import-plan", str(source), "--db", str(db)).code == 0
    plan_id = cli("plan", "--db", str(db), "--json").json()["plans"][1]["id"]
    both = cli(
        "edit-task", "--db", str(db), "--plan", plan_id, "--task", "3",
        "--not-a-task", "--lead", "省公安厅", "--reason", "x",
    )  # fmt: skip
    assert both.code == 1
    out = cli(
        "edit-task", "--db", str(db), "--plan", plan_id, "--task", "3",
        "--not-a-task", "--reason", "原文为说明文字",
    )  # fmt: skip
    assert out.code == 0, out.err
    plans = cli("plan", "--db", str(db), "--json").json()["plans"]
    assert [t["number"] for t in plans[1]["sections"][0]["tasks"]] == [1, 2, 4]
