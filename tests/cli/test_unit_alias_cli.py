"""单位名录 on the command line, end to end on two data folders: the office declares
省发改委 another name of 省发展改革委, its file reaches the unit's PC, the unit sees and
reports on the tasks of both names, the office counts the report for the canonical unit,
and an undo counts them apart again with nothing lost."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from tests.store.test_unit_directory import LONG, PLAN2, SHORT


def _fingerprint(cli, db: str) -> str:  # type: ignore[no-untyped-def]
    shown = cli("keys", "--db", db, "--show")
    return re.search(r"本机密钥指纹：([0-9A-F ]{39})", shown.out).group(1)  # type: ignore[union-attr]


def _unit_row(cli, db: str, plan: str, name: str) -> dict[str, Any] | None:  # type: ignore[no-untyped-def]
    data = cli("status", "--db", db, "--plan", plan, "--as-of", "2026-03-20", "--json").json()
    return next((u for u in data["by_unit"] if u["name"] == name), None)


def test_alias_from_office_to_unit_and_back(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    unit, office = str(tmp_path / "unit.sqlite"), str(tmp_path / "office.sqlite")
    to_office, to_unit = tmp_path / "to-office", tmp_path / "to-unit"
    to_office.mkdir(), to_unit.mkdir()
    source = tmp_path / "营商环境方案.txt"
    source.write_text(PLAN2, encoding="utf-8")
    for db in (unit, office):
        assert cli("import-plan", str(source), "--db", db).code == 0
    assert cli("office", "--db", unit, "--unit", SHORT).code == 0
    assert cli("office", "--db", office, "--coordinating-office").code == 0
    unit_fp, office_fp = _fingerprint(cli, unit), _fingerprint(cli, office)
    plan2 = cli("plan", "--db", office, "--json").json()["plans"][1]["id"]

    declare = ("unit-alias", "--name", SHORT, "--same-as", LONG, "--reason", "简称与全称")
    refused = cli(*declare, "--db", unit)
    assert refused.code == 1 and "只有协调办公室" in refused.err
    listed = cli("units", "--db", office, "--json").json()
    assert sorted([SHORT, LONG]) in [sorted(g) for g in listed["suggestions"]]
    assert listed["aliases"] == {} and listed["entries"] == []
    no_such = cli("unit-alias", "--db", office, "--name", "省发改委员会", "--same-as", LONG,
                  "--reason", "笔误")  # fmt: skip
    assert no_such.code == 1 and "没有这个单位" in no_such.err
    done = cli(*declare, "--db", office)
    assert done.code == 0 and f"{SHORT} 即 {LONG}" in done.out, done.err
    listed = cli("units", "--db", office, "--json").json()
    assert listed["aliases"] == {LONG: [SHORT]}
    short = next(u for u in listed["units"] if u["name"] == SHORT)
    assert (short["canonical"], short["task_count"], len(short["plans"])) == (LONG, 2, 1)

    # The office's files (one per plan) carry the directory to the unit's PC.
    for plan in cli("plan", "--db", office, "--json").json()["plans"]:
        out = cli("exchange", "export", "--db", office, "--all", "--plan", plan["id"],
                  "-o", str(to_unit))  # fmt: skip
        assert out.code == 0, out.err
    files = sorted(to_unit.iterdir())
    trusted = cli("keys", "--db", unit, "--trust", str(files[0]), "--fingerprint", office_fp)
    assert trusted.code == 0, trusted.err
    got = cli("exchange", "import", "--db", unit, *map(str, files))
    assert got.code == 0, got.out + got.err
    assert cli("units", "--db", unit, "--json").json()["aliases"] == {LONG: [SHORT]}
    assert cli("units", "--db", unit, "--json").json()["editable"] is False

    # The unit's PC reports on a task of 省发展改革委 (a name it was never given).
    added = cli("progress", "add", "--db", unit, "--plan", plan2, "--task", "1", "--unit", LONG,
                "--status", "done", "--text", "审批事项已全部清理", "--reporter", "王五",
                "--date", "2026-03-10")  # fmt: skip
    assert added.code == 0, added.err
    sheet = cli("sheet", "--db", unit, "--plan", plan2, "--unit", SHORT,
                "-o", str(tmp_path / "清单.pdf"))  # fmt: skip
    assert sheet.code == 0, sheet.err
    from pypdf import PdfReader

    text = "".join(p.extract_text() for p in PdfReader(tmp_path / "清单.pdf").pages)
    assert LONG in text and "推进项目审批改革" in text and "清理涉企收费" in text

    assert cli("exchange", "export", "--db", unit, "--plan", plan2, "-o", str(to_office)).code == 0
    (unit_file,) = to_office.iterdir()
    trusted = cli("keys", "--db", office, "--trust", str(unit_file), "--fingerprint", unit_fp)
    assert trusted.code == 0, trusted.err
    imported = cli("exchange", "import", "--db", office, str(unit_file))
    assert imported.code == 0 and "新记录 1 条" in imported.out, imported.out + imported.err
    row = _unit_row(cli, office, plan2, LONG)
    assert row is not None and row["done"] == 1, row
    assert _unit_row(cli, office, plan2, SHORT) is None
    # The 台账: the task under its canonical unit, the report saying who wrote it.
    ledger = tmp_path / "台账.xlsx"
    made = cli(
        "ledger", "--db", office, "--plan", plan2, "--as-of", "2026-03-20", "-o", str(ledger)
    )
    assert made.code == 0, made.err
    from openpyxl import load_workbook

    sheet = load_workbook(ledger).worksheets[0]
    row = next(r for r in sheet.iter_rows(values_only=True) if r[0] == 1)
    assert row[4] == LONG and f"{SHORT}：已完成 100%" in str(row[9])

    undo = cli(
        "unit-alias", "--db", office, "--name", SHORT, "--undo", "--reason", "核实为两个单位"
    )
    assert undo.code == 0, undo.err
    row = _unit_row(cli, office, plan2, LONG)
    assert row is not None and row["done"] == 0, row
    plan = next(
        p for p in cli("plan", "--db", office, "--json").json()["plans"] if p["id"] == plan2
    )
    task = plan["sections"][0]["tasks"][0]
    assert [p["unit"] for p in task["progress"]] == [SHORT]  # kept, counted apart
    again = cli("unit-alias", "--db", office, "--name", SHORT, "--undo", "--reason", "再撤")
    assert again.code == 1 and "不是其他单位的别名" in again.err
