"""``main.py sheet`` and ``main.py screenshot`` end to end: real databases, real PDFs."""

from __future__ import annotations

import re
import struct
import subprocess
from pathlib import Path

import pytest
from pypdf import PdfReader
from reportlab.lib.pagesizes import A4

from domain.records import PlanView
from models.store import Store
from tests.sheets.pdfcheck import embedded, page_fonts

POLICE = "省公安厅"


def squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def pages_of(path: Path) -> list[str]:
    return [page.extract_text() or "" for page in PdfReader(path).pages]


def text_of(path: Path) -> str:
    return squash("".join(pages_of(path)))


def number_lines(path: Path) -> set[int]:
    """Task numbers: lines holding nothing but digits (the 序号 cells)."""
    lines = {line.strip() for page in pages_of(path) for line in page.splitlines()}
    return {int(line) for line in lines if line.isdigit()}


def plan_of(db: Path) -> PlanView:
    with Store.open(db) as store:
        return store.plan_view()


def assert_fonts_embedded(path: Path) -> None:
    found = page_fonts(path)
    assert found and all(embedded(font) for font in found.values()), list(found)
    report = subprocess.run(
        ["pdffonts", str(path)], capture_output=True, text=True, check=True
    ).stdout.splitlines()[2:]
    assert report and all(re.search(r"\byes\s+yes\s+yes\b", line) for line in report), report


def test_unit_sheet_holds_the_police_tasks_and_nothing_else(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    db, out = tmp_path / "d.sqlite", tmp_path / "police.pdf"
    result = cli("sheet", "--db", str(db), "--unit", POLICE, "-o", str(out))
    assert result.code == 0, result.err
    assert str(out) in result.out
    text = text_of(out)
    assert "任务分工责任清单" in text and f"责任单位：{POLICE}" in text
    for task in plan_of(db).all_tasks():
        if task.number in {20, 23, 25}:
            assert squash(task.text) in text, task.number
        else:
            assert squash(task.text)[:30] not in text, task.number
    assert number_lines(out) == {20, 23, 25}
    assert_fonts_embedded(out)


def test_all_units_one_pdf_each_unit_from_a_new_page(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    db, out = tmp_path / "d.sqlite", tmp_path / "all.pdf"
    result = cli("sheet", "--db", str(db), "--all-units", "-o", str(out))
    assert result.code == 0, result.err
    units = [u.unit_name for u in plan_of(db).units()]
    assert len(units) == 27
    starts = []
    for page in map(squash, pages_of(out)):
        found = re.search(r"责任单位：(.+?)共\d+项任务", page)
        if found:
            # A unit's section opens its page: the sheet title is the first thing on it.
            assert page.startswith("任务分工责任清单"), page[:40]
            assert "—1—" in page  # its page numbers start again at 1
            starts.append(found.group(1))
    assert starts == units


def test_all_units_split_into_one_file_per_unit(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    db, folder = tmp_path / "d.sqlite", tmp_path / "各单位"
    result = cli("sheet", "--db", str(db), "--all-units", "--split-dir", str(folder))
    assert result.code == 0, result.err
    files = sorted(folder.glob("*.pdf"))
    assert len(files) == 27
    police = folder / f"任务分工责任清单-{POLICE}.pdf"
    assert police in files and number_lines(police) == {20, 23, 25}


def test_plan_table_holds_all_60_tasks_with_their_units(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    db, out = tmp_path / "d.sqlite", tmp_path / "table.pdf"
    result = cli("sheet", "--db", str(db), "--plan-table", "-o", str(out))
    assert result.code == 0, result.err
    text = text_of(out)
    tasks = plan_of(db).all_tasks()
    assert len(tasks) == 60
    starts = [text.index(squash(t.text)[:24]) for t in tasks]
    assert starts == sorted(starts)  # in plan order
    for index, task in enumerate(tasks):
        # The task's row runs from its text to the next task's text.
        row = text[starts[index] : starts[index + 1] if index + 1 < len(tasks) else None]
        for a in task.assignments:
            assert squash(a.unit_name) in row, (task.number, a.unit_name)
    box = PdfReader(out).pages[0].mediabox
    assert float(box.width) > float(box.height)  # landscape
    assert_fonts_embedded(out)


def test_task_sheet_has_deadline_and_full_history(cli, tmp_path: Path, db_arg: str) -> None:  # type: ignore[no-untyped-def]
    """On a file and on the server: the sheet comes from wherever the data lives."""
    db, out = db_arg, tmp_path / "t25.pdf"
    assert cli("office", "--db", db, "--coordinating-office").code == 0
    assert cli("deadline", "--db", db, "--task", "25", "--date", "2026-06-30").code == 0
    for unit, percent, words, day in (
        ("哈尔滨海关", "20", "与远东海关局会谈", "2026-03-01"),
        (POLICE, "10", "拟定联合执法方案", "2026-03-05"),
        ("哈尔滨海关", "50", "签署合作备忘录", "2026-04-10"),
    ):
        added = cli("progress", "add", "--db", db, "--task", "25", "--unit", unit, "--status",
                    "推进中", "--percent", percent, "--text", words, "--date", day,
                    "--reporter", "张三")  # fmt: skip
        assert added.code == 0, added.err
    result = cli("sheet", "--db", db, "--task", "25", "-o", str(out))
    assert result.code == 0, result.err
    text = text_of(out)
    assert "督办单" in text and "第25项" in text
    assert "2026年06月30日" in text
    # Each unit's current report only: 哈尔滨海关's earlier report is history.
    for words in ("拟定联合执法方案", "签署合作备忘录"):
        assert words in text
    assert "与远东海关局会谈" not in text and "报送记录" not in text
    assert "协调办公室代为录入" in text  # the office typed them on the units' behalf
    assert "经办人" in text and "审核人" in text
    with_history = tmp_path / "t25-history.pdf"
    result = cli("sheet", "--db", db, "--task", "25", "--history", "-o", str(with_history))
    assert result.code == 0 and "报送记录 3 条" in result.out, result.out + result.err
    text = text_of(with_history)
    assert "报送记录" in text and "与远东海关局会谈" in text


def test_task_sheet_prints_long_term(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    db, out = str(tmp_path / "d.sqlite"), tmp_path / "t1.pdf"
    assert cli("office", "--db", db, "--coordinating-office").code == 0
    assert cli("deadline", "--db", db, "--task", "1", "--long-term").code == 0
    assert cli("sheet", "--db", db, "--task", "1", "-o", str(out)).code == 0
    assert "完成时限长期坚持" in text_of(out)


def test_summary_sheet(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    db, out = str(tmp_path / "d.sqlite"), tmp_path / "summary.pdf"
    result = cli("sheet", "--db", db, "--summary", "-o", str(out))
    assert result.code == 0, result.err
    text = text_of(out)
    assert "进展情况汇总表" in text and "按部分统计" in text and "按单位统计" in text
    assert f"{POLICE}30" in text  # the police row: 3 tasks
    assert "合计60" in text


def test_reminder_lists_exactly_the_units_late_items(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    db = str(tmp_path / "coord.sqlite")
    for command, args in (
        (["office"], ["--coordinating-office"]),
        (["deadline"], ["--task", "23", "--date", "2026-03-31"]),  # police, overdue by 05-01
        (["deadline"], ["--task", "20", "--date", "2026-06-30"]),  # police, not yet due
        (["rounds"], ["--dates", "2026-04-30,2026-07-31"]),
        (["progress", "add"], ["--task", "20", "--unit", POLICE, "--status", "推进中",
         "--percent", "30", "--text", "部署专项行动", "--date", "2026-04-20",
         "--reporter", "张三"]),
        (["progress", "add"], ["--task", "25", "--unit", "哈尔滨海关", "--status", "推进中",
         "--percent", "50", "--text", "已会谈", "--date", "2026-04-20",
         "--reporter", "张三"]),
    ):  # fmt: skip
        done = cli(*command, "--db", db, *args)
        assert done.code == 0, (command, done.err)
    out = tmp_path / "催办单.pdf"
    result = cli("sheet", "--db", db, "--reminder", "--unit", POLICE, "--as-of", "2026-05-01",
                 "-o", str(out))  # fmt: skip
    assert result.code == 0, result.err
    assert "逾期 1 项" in result.out and "未报送 1 项" in result.out
    text = text_of(out)
    assert f"催办单位：{POLICE}" in text
    assert "逾期未完成（1项）" in text and "未按期报送进展（1项）" in text
    assert number_lines(out) == {23, 25}  # 20 was reported in time and is not due yet
    assert "31天" in text and "2026-04-30" in text
    assert_fonts_embedded(out)
    # 哈尔滨海关 reported on 25 (it leads; police is only responsible there): nothing late.
    customs = tmp_path / "customs.pdf"
    result = cli("sheet", "--db", db, "--reminder", "--unit", "哈尔滨海关", "--as-of",
                 "2026-05-01", "-o", str(customs))  # fmt: skip
    assert result.code == 0, result.err
    assert "没有逾期未完成或未按期报送进展的任务" in text_of(customs)


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (("--unit", "不存在局"), "不存在局"),
        (("--reminder", "--unit", "不存在局"), "不存在局"),
        (("--task", "99"), "99"),
    ],
)
def test_unknown_unit_or_task_is_one_chinese_line(cli, tmp_path: Path, args, words) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "x.pdf"
    result = cli("sheet", "--db", str(tmp_path / "d.sqlite"), *args, "-o", str(out))
    assert result.code == 1
    lines = result.err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("错误：方案中没有") and words in lines[0]
    assert "Traceback" not in result.err
    assert not out.exists() and not list(tmp_path.glob("*.partial"))


@pytest.mark.parametrize(
    "args",
    [
        ("-o", "x.pdf"),  # nothing chosen
        ("--plan-table", "--unit", POLICE, "-o", "x.pdf"),
        ("--reminder", "-o", "x.pdf"),  # reminder without a unit
        ("--summary", "--split-dir", "d"),
        ("--unit", POLICE),  # no output
        ("--all-units", "-o", "x.docx"),  # the batch is PDF only
        ("--summary", "-o", "x.txt"),
    ],
)
def test_bad_combinations_are_usage_errors(cli, tmp_path: Path, args) -> None:  # type: ignore[no-untyped-def]
    result = cli("sheet", "--db", str(tmp_path / "d.sqlite"), *args)
    assert result.code == 2 and "用法错误" in result.err


def test_missing_output_folder_is_refused(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "nowhere" / "x.pdf"
    result = cli("sheet", "--db", str(tmp_path / "d.sqlite"), "--summary", "-o", str(out))
    assert result.code == 1 and "目标文件夹不存在" in result.err


def png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", data[16:24])
    return width, height


@pytest.mark.gui
def test_screenshot_command_writes_a_png(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    db, out = str(tmp_path / "d.sqlite"), tmp_path / "shot.png"
    result = cli("screenshot", "--db", db, "--select", "25", "--lang", "en", "-o", str(out))
    assert result.code == 0, result.err
    assert png_size(out) == (1280, 800)
    missing = cli("screenshot", "--db", db, "--select", "999", "-o", str(tmp_path / "n.png"))
    assert missing.code == 1 and "第 999 项任务" in missing.err
    assert not (tmp_path / "n.png").exists()


def test_a4_portrait_unit_sheet(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "u.pdf"
    result = cli("sheet", "--db", str(tmp_path / "d.sqlite"), "--unit", POLICE, "-o", str(out))
    assert result.code == 0, result.err
    box = PdfReader(out).pages[0].mediabox
    assert (float(box.width), float(box.height)) == pytest.approx(A4, abs=0.5)
