"""打印预览 and the print menu: sheets made on a pool thread, shown, saved and printed."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from models.store import Store
from ui.common import messages
from ui.main_window import MainWindow
from ui.printing.commands import SheetKind, SheetRequest, generate_sheet
from ui.printing.preview import PdfPreview

pytestmark = [
    pytest.mark.gui,
    # The offscreen platform cannot size or raise windows; real platforms can.
    pytest.mark.qt_log_ignore("propagateSizeHints", "does not support raise"),
]

POLICE = "省公安厅"
WORKER_TIMEOUT = 60_000


def pdf_text(data: bytes) -> str:
    reader = PdfReader(io.BytesIO(data))
    return re.sub(r"\s+", "", "".join(page.extract_text() or "" for page in reader.pages))


def page_count(data: bytes | Path) -> int:
    source = io.BytesIO(data) if isinstance(data, bytes) else data
    return len(PdfReader(source).pages)


@pytest.fixture
def police_pdf(store: Store) -> bytes:
    plan_id = store.default_plan_id()
    unit_id = store.find_unit_id(POLICE)
    made = generate_sheet(store.path, SheetRequest(SheetKind.UNIT, plan_id, unit_id=unit_id))
    assert made.title == f"任务分工责任清单（{POLICE}）"
    assert made.file_name == f"任务分工责任清单-{POLICE}.pdf"
    return made.pdf


@pytest.fixture
def summary_pdf(store: Store) -> bytes:
    return generate_sheet(store.path, SheetRequest(SheetKind.SUMMARY, store.default_plan_id())).pdf


@pytest.fixture
def preview(qtbot: QtBot, zh_app: QApplication, police_pdf: bytes) -> PdfPreview:
    window = PdfPreview(police_pdf, "任务分工责任清单（省公安厅）", "police.pdf")
    qtbot.addWidget(window)
    return window


def test_preview_loads_the_generated_pdf(preview: PdfPreview, police_pdf: bytes) -> None:
    assert preview.page_count() == page_count(police_pdf) >= 1
    assert preview.view.document() is preview.document
    assert f"共 {preview.page_count()} 页" in preview.page_label.text()
    assert "任务分工责任清单（省公安厅）" in preview.windowTitle()


def test_zoom_in_and_out(preview: PdfPreview) -> None:
    preview.show()
    preview.fit_width()
    preview.zoom_in()
    bigger = preview.view.zoomFactor()
    preview.zoom_out()
    preview.zoom_out()
    assert preview.view.zoomFactor() < bigger
    preview.fit_page()
    assert preview.view.zoomMode() is preview.view.ZoomMode.FitInView


def test_save_as_writes_the_pdf(
    qtbot: QtBot, preview: PdfPreview, police_pdf: bytes, tmp_path: Path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    target = tmp_path / "存档" / "公安厅.pdf"
    target.parent.mkdir()
    asked: list[Path] = []

    def choose(_parent, suggested: Path) -> Path:  # type: ignore[no-untyped-def]
        asked.append(suggested)
        return target

    monkeypatch.setattr(messages, "choose_save_pdf", choose)
    told: list[str] = []
    monkeypatch.setattr(messages, "information", lambda _p, _t, text: told.append(text))
    with qtbot.waitSignal(preview.saved) as saved:
        preview.save_action.trigger()
    assert saved.args == [target]
    assert asked[0].name == "police.pdf"
    assert target.read_bytes() == police_pdf
    assert not list(target.parent.glob("*.partial"))
    assert told == [f"已保存文件：公安厅.pdf\n位置：{target.parent}"]


def test_save_into_a_missing_folder_says_so(
    preview: PdfPreview, tmp_path: Path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    errors: list[str] = []
    monkeypatch.setattr(messages, "error", lambda _p, _t, text, *_a: errors.append(text))
    assert not preview.save_to(tmp_path / "nowhere" / "x.pdf")
    assert errors and "nowhere" in errors[0]


def pdf_printer(path: Path):  # type: ignore[no-untyped-def]
    """The print dialog's stand-in: accept, printing into a PDF file."""

    def ask(_parent, printer: QPrinter, pages: int) -> bool:  # type: ignore[no-untyped-def]
        assert pages >= 1
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(path))
        return True

    return ask


def test_print_renders_every_page_into_the_printer(
    qtbot: QtBot, preview: PdfPreview, police_pdf: bytes, tmp_path: Path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "printed.pdf"
    monkeypatch.setattr(messages, "ask_printer", pdf_printer(out))
    with qtbot.waitSignal(preview.printed) as printed:
        preview.print_action.trigger()
    assert printed.args == [page_count(police_pdf)]
    reader = PdfReader(out)
    assert len(reader.pages) == page_count(police_pdf)
    box = reader.pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (595, 842)  # A4 portrait
    # Each printed page carries the rendered sheet as one full-page image.
    for page in reader.pages:
        images = list(page.images)
        assert len(images) == 1 and images[0].image is not None
        assert images[0].image.getextrema() != ((255, 255), (255, 255), (255, 255))


def test_landscape_sheets_print_landscape_and_page_ranges_are_kept(
    qtbot: QtBot, zh_app: QApplication, summary_pdf: bytes, tmp_path: Path
) -> None:
    preview = PdfPreview(summary_pdf, "进展情况汇总表", "summary.pdf")
    qtbot.addWidget(preview)
    assert preview.page_count() >= 2
    printer = preview.make_printer()
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    out = tmp_path / "p2.pdf"
    printer.setOutputFileName(str(out))
    printer.setPrintRange(QPrinter.PrintRange.PageRange)
    printer.setFromTo(2, 2)
    assert preview.print_to(printer) == 1
    reader = PdfReader(out)
    assert len(reader.pages) == 1
    box = reader.pages[0].mediabox
    assert float(box.width) > float(box.height)


# --- the window's print menu -------------------------------------------------------------
def open_preview(qtbot: QtBot, window: MainWindow, action_name: str) -> PdfPreview:
    """Trigger a print action; while the sheet is made the window stays live and busy."""
    action = getattr(window.menu_actions, action_name)
    with qtbot.waitSignal(window.printing.preview_opened, timeout=WORKER_TIMEOUT) as opened:
        action.trigger()
        assert window.printing.busy and not action.isEnabled()
        assert not window.printing.busy_bar.isHidden()
    assert not window.printing.busy and action.isEnabled()
    assert window.printing.busy_bar.isHidden()
    preview = opened.args[0]
    assert isinstance(preview, PdfPreview) and preview.isVisible()
    qtbot.addWidget(preview)
    return preview


def test_task_sheet_from_the_menu(qtbot: QtBot, window: MainWindow) -> None:
    assert window.select_task_number(25)
    preview = open_preview(qtbot, window, "print_task")
    assert "督办单（第 25 项）" in preview.windowTitle()
    text = pdf_text(preview.pdf_bytes)
    task = window.detail.current_task()
    assert task is not None and re.sub(r"\s+", "", task.text) in text
    assert preview.page_count() == page_count(preview.pdf_bytes)


def test_unit_sheet_and_reminder_follow_the_chosen_unit(qtbot: QtBot, window: MainWindow) -> None:
    assert window.unit_view.select_unit(window.store.find_unit_id(POLICE))  # type: ignore[union-attr]
    text = pdf_text(open_preview(qtbot, window, "print_unit").pdf_bytes)
    assert f"责任单位：{POLICE}" in text
    reminder = open_preview(qtbot, window, "print_reminder")
    assert f"催办单位：{POLICE}" in pdf_text(reminder.pdf_bytes)


def test_plan_table_summary_and_all_units(qtbot: QtBot, window: MainWindow) -> None:
    table = pdf_text(open_preview(qtbot, window, "print_plan_table").pdf_bytes)
    assert "重点任务分工表" in table
    plan = window.store.plan_view()  # type: ignore[union-attr]
    assert all(re.sub(r"\s+", "", t.text)[:20] in table for t in plan.all_tasks())
    assert "进展情况汇总表" in pdf_text(open_preview(qtbot, window, "print_summary").pdf_bytes)
    everyone = pdf_text(open_preview(qtbot, window, "print_all_units").pdf_bytes)
    assert everyone.count("责任单位：") == len(plan.units()) == 27


def test_every_unit_to_its_own_file(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    folder = tmp_path / "各单位"
    told: list[str] = []
    monkeypatch.setattr(messages, "choose_sheets_folder", lambda *_a: folder)
    monkeypatch.setattr(messages, "information", lambda _p, _t, text: told.append(text))
    with qtbot.waitSignal(window.printing.sheets_written, timeout=WORKER_TIMEOUT) as written:
        window.menu_actions.save_unit_sheets.trigger()
    assert len(written.args[0]) == 27 == len(list(folder.glob("*.pdf")))
    assert told and "27" in told[0]


def test_no_task_selected_is_said_not_printed(window: MainWindow, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    told: list[str] = []
    monkeypatch.setattr(messages, "information", lambda _p, _t, text: told.append(text))
    plan_id = window.store.default_plan_id()  # type: ignore[union-attr]
    assert window.select_node(plan_id)  # a plan heading, no task
    window.menu_actions.print_task.trigger()
    assert told == ["请先在左侧选择一项任务。"]
    assert not window.printing.busy


def test_a_failed_sheet_is_reported_and_the_window_recovers(
    qtbot: QtBot, window: MainWindow, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    errors: list[str] = []
    monkeypatch.setattr(messages, "error", lambda _p, _t, text, *_a, **_k: errors.append(text))
    plan_id = window.store.default_plan_id()  # type: ignore[union-attr]
    request = SheetRequest(SheetKind.UNIT, plan_id, unit_id="no-such-unit")
    with qtbot.waitSignal(window.printing.failed, timeout=WORKER_TIMEOUT):
        assert window.printing.generate(request)
    assert errors and "no-such-unit" in errors[0]
    assert not window.printing.busy and window.menu_actions.print_unit.isEnabled()
