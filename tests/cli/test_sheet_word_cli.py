"""``main.py sheet … -o FILE.docx``: every sheet kind as a Word document, end to end."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.sheets.docxcheck import all_text, header_repeats, open_docx

POLICE = "省公安厅"


@pytest.mark.parametrize(
    ("args", "said", "must"),
    [
        (("--unit", POLICE), "任务分工责任清单", ("责任单位：省公安厅", "单位（盖章）")),
        (("--summary",), "进展情况汇总表", ("一、按部分统计", "合计")),
        (("--task", "23"), "督办单", ("第23项", "督办意见")),
        (("--reminder", "--unit", POLICE), "催办单", ("催办单位：省公安厅", "（盖章）")),
        (("--plan-table",), "重点任务分工表", ("牵头（负责）单位",)),
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
    for phrase in (said, *must):
        assert phrase in text, phrase
    assert doc.tables and all(
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
