"""The embedded plan as offices receive it — Word with automatic numbering, a Word 分工表,
an Excel 台账 and a Word-made PDF (tests/data/plans, made by scripts/make_plan_fixtures.py)
— reads as exactly the same 60 tasks and 251 unit–role pairs as the text."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from domain.enums import Role
from plan_intake import parse_plan_document, read_plan_text
from plan_parser import ParsedPlan, parse_plan_file
from tests.conftest import REPO_ROOT, SEED_PATH

PLANS = REPO_ROOT / "tests" / "data" / "plans"
DOCUMENTS = [
    "seed-numbered.docx",
    "seed-table.docx",
    "seed-ledger.xlsx",
    "seed-numbered.pdf",
    "seed-table.pdf",
]


@pytest.fixture(scope="module")
def seed() -> ParsedPlan:
    return parse_plan_file(SEED_PATH)


def tasks_of(plan: ParsedPlan) -> list[tuple[int, str, list[tuple[str, Role]]]]:
    return [(t.number, t.text, [(u.name, u.role) for u in t.units]) for t in plan.all_tasks()]


def outline_of(plan: ParsedPlan) -> list[tuple[str, list[str]]]:
    return [(s.label + s.title, [x.label + x.title for x in s.subsections]) for s in plan.sections]


@pytest.mark.parametrize("name", DOCUMENTS)
def test_same_tasks_units_and_roles_as_the_text(name: str, seed: ParsedPlan) -> None:
    plan = parse_plan_document(PLANS / name)
    assert plan.task_count == 60
    assert sum(len(t.units) for t in plan.all_tasks()) == 251
    assert tasks_of(plan) == tasks_of(seed)
    assert outline_of(plan) == outline_of(seed)
    assert plan.problems == [] and plan.non_task_items == []


@pytest.mark.parametrize(
    "name", ["seed-numbered.docx", "seed-table.docx", "seed-numbered.pdf", "seed-table.pdf"]
)
def test_covering_notice_read_as_in_the_text(name: str, seed: ParsedPlan) -> None:
    plan = parse_plan_document(PLANS / name)
    assert (plan.title, plan.issuer, plan.issued_on, plan.addressees) == (
        seed.title,
        seed.issuer,
        seed.issued_on,
        seed.addressees,
    )


def test_ledger_title_row_is_the_plan_title() -> None:
    plan = parse_plan_document(PLANS / "seed-ledger.xlsx")
    assert plan.title.startswith("《黑龙江省人民政府关于新形势下加快知识产权强省建设的实施意见》")
    assert plan.title.endswith("分工台账")


def _lines(text: str) -> list[str]:
    return [x.replace("\u3000", " ").strip() for x in text.splitlines() if x.strip()]


def test_pdf_paragraphs_are_the_text_paragraphs() -> None:
    """Wrapped lines and pages re-joined, page numbers and the running head gone."""
    pdf_text = read_plan_text(PLANS / "seed-numbered.pdf")
    assert _lines(pdf_text) == _lines(SEED_PATH.read_text(encoding="utf-8"))
    assert "— 2 —" not in pdf_text and "重点任务分工方案\n黑龙江" not in pdf_text


def test_word_labels_come_from_numbering_not_from_the_text() -> None:
    """The fixture really is automatic numbering: no label in any paragraph's own text."""
    import zipfile

    with zipfile.ZipFile(PLANS / "seed-numbered.docx") as z:
        body = z.read("word/document.xml").decode("utf-8")
        numbering = z.read("word/numbering.xml").decode("utf-8")
    assert "<w:t>1.充实" not in body and "<w:t>充实省知识产权" in body
    assert "<w:t>一、" not in body and "chineseCounting" in numbering
    assert _lines(read_plan_text(PLANS / "seed-numbered.docx"))[-1].startswith(
        "60.加强知识产权文化"
    )


def test_table_deadlines_travel_in_the_task_bracket() -> None:
    text = read_plan_text(PLANS / "seed-table.docx")
    # 完成时限 is merged down each subsection: every task row carries it.
    assert text.count("完成时限：") == 60
    ledger = read_plan_text(PLANS / "seed-ledger.xlsx")
    assert (
        "25. " in ledger
        and "（牵头单位：哈尔滨海关；责任单位：省公安厅；完成时限：长期坚持）" in ledger
    )
    # …and reach the task's deadline, as the parser reads a deadline in a task's text.
    for name in ("seed-table.docx", "seed-ledger.xlsx"):
        tasks = {t.number: t for t in parse_plan_document(PLANS / name).all_tasks()}
        assert (tasks[1].deadline_text, tasks[1].deadline) == ("2017年底前", dt.date(2017, 12, 31))
        assert (tasks[25].deadline_text, tasks[25].deadline) == ("长期坚持", None)


def test_cli_parse_and_import_a_word_plan(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    parsed = cli("parse", str(PLANS / "seed-table.docx"), "--json")
    assert parsed.code == 0, parsed.err
    plan = parsed.json()["plans"][0]
    tasks = [t for s in plan["sections"] for sub in s["subsections"] for t in sub["tasks"]]
    assert len(tasks) == 60 and sum(len(t["units"]) for t in tasks) == 251

    db = tmp_path / "office.sqlite"
    imported = cli("import-plan", str(PLANS / "seed-ledger.xlsx"), "--db", str(db))
    assert imported.code == 0, imported.err
    assert "60 项任务" in imported.out
    stored = cli("plan", "--db", str(db), "--json").json()["plans"]
    assert any(p["title"].endswith("分工台账") for p in stored)
