"""plan-rename and plan-remove from the command line (coordinating office)."""

from __future__ import annotations

from pathlib import Path

from tests.store.test_flagged_tasks import PLAN


def test_rename_remove_and_restore(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    db = str(tmp_path / "office.sqlite")
    source = tmp_path / "方案.txt"
    source.write_text(PLAN, encoding="utf-8")
    assert cli("office", "--db", db, "--coordinating-office").code == 0
    assert cli("import-plan", str(source), "--db", db).code == 0
    plan_id = cli("plan", "--db", db, "--json").json()["plans"][1]["id"]

    renamed = cli(
        "plan-rename", "--db", db, "--plan", plan_id, "--title", "新名称", "--reason", "更名"
    )
    assert renamed.code == 0, renamed.err
    assert cli("plan", "--db", db, "--json").json()["plans"][1]["title"] == "新名称"
    assert cli("plan-remove", "--db", db, "--plan", plan_id).code == 2  # a reason is required
    assert cli("plan-remove", "--db", db, "--plan", plan_id, "--reason", "作废").code == 0
    assert len(cli("plan", "--db", db, "--json").json()["plans"]) == 1
    restore = ("plan-remove", "--db", db, "--plan", plan_id, "--reason", "恢复", "--restore")
    assert cli(*restore).code == 0
    assert len(cli("plan", "--db", db, "--json").json()["plans"]) == 2
