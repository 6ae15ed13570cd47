"""``main.py sheet … -o FILE.docx``: every sheet kind as a Word document, end to end."""

from __future__ import annotations

from pathlib import Path

import pytest
from pypdf import PdfReader

from tests.sheets.docxcheck import all_text, header_repeats, open_docx, out_of_order

POLICE = "省公安厅"


@pytest.mark.parametrize(
    ("args", "said", "must"),
    [
        (
            ("--unit", POLICE),
            "任务分工责任清单",
            ("任务分工责任清单", "责任单位：省公安厅", "单位（盖章）"),
        ),
        (("--summary",), "进展情况汇总表", ("进展情况汇总表", "一、按部分统计", "合计")),
        (("--task", "23"), "督办单", ("督办单", "第23项", "督办意见")),
        (("--reminder", "--unit", POLICE), "催办单", ("催办单位：省公安厅", "（盖章）")),
        (("--plan-table",), "重点任务分工表", ("重点任务分工表", "牵头（负责）单位")),
        (
            ("--bulletin", "--as-of", "2026-12-01"),
            "进展情况通报",
            ("进展情况的通报", "截至2026年12月1日", "领导小组办公室"),
        ),
    ],
)
def test_every_sheet_kind_writes_word(
    cli,  # type: ignore[no-untyped-def]
    tmp_path: Path,
    args: tuple[str, ...],
    said: str,
    must: tuple[str, ...],
) -> None:
    db, out = tmp_path / "d.sqlite", tmp_path / "输出 文件.docx"
    result = cli("sheet", "--db", str(db), *args, "-o", str(out))
    assert result.code == 0, result.err
    assert said in result.out and str(out) in result.out
    doc = open_docx(out)
    text = all_text(doc)
    for phrase in must:
        assert phrase in text, phrase
    assert out_of_order(doc) == []
    assert all(
        header_repeats(t)
        for t in doc.tables
        if len(t.rows) > 1 and "序号" in t.rows[0].cells[0].text
    )


def test_other_suffixes_are_refused(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    result = cli(
        "sheet", "--db", str(tmp_path / "d.sqlite"), "--summary", "-o", str(tmp_path / "x.doc")
    )
    assert result.code == 2 and ".docx" in result.err
    assert not (tmp_path / "x.doc").exists()


def test_bulletin_as_pdf_names_its_date(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "通报.pdf"
    result = cli(
        "sheet",
        "--db",
        str(tmp_path / "d.sqlite"),
        "--bulletin",
        "--as-of",
        "2026-12-01",
        "--sender",
        "测试办公室",
        "-o",
        str(out),
    )
    assert result.code == 0, result.err
    assert "截至 2026-12-01" in result.out
    text = "".join(p.extract_text() or "" for p in PdfReader(out).pages).replace(" ", "")
    assert "截至2026年12月1日" in text and "测试办公室" in text


def test_bulletin_prints_the_leaders_instruction_recorded_by_the_office(  # type: ignore[no-untyped-def]
    cli, tmp_path: Path
) -> None:
    """A 批示 recorded with `instruct` reaches the 进展情况通报, in Word and in PDF."""
    office = str(tmp_path / "office.sqlite")
    assert cli("office", "--db", office, "--coordinating-office").code == 0
    said = cli("instruct", "--db", office, "--task", "23", "--text",
               "请公安厅加大力度，月底前报结果", "--by", "王副省长",
               "--date", "2026-04-02")  # fmt: skip
    assert said.code == 0, said.err
    word, pdf = tmp_path / "通报.docx", tmp_path / "通报.pdf"
    for target in (word, pdf):
        made = cli("sheet", "--db", office, "--bulletin", "-o", str(target))
        assert made.code == 0, made.err
    pdf_words = "".join("".join(p.extract_text().split()) for p in PdfReader(pdf).pages)
    for text in (all_text(open_docx(word)).replace(" ", ""), pdf_words):
        assert "王副省长" in text and "请公安厅加大力度" in text
