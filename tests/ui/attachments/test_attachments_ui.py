"""佐证材料 in the window: the 填报 dialog adds, refuses, removes and opens files; the detail
pane lists each report's files; PDFs and images open inside, others only when confirmed."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPoint, Qt, QUrl
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QApplication, QDialog, QDialogButtonBox
from pytestqt.qtbot import QtBot

from domain.attachments import DEFAULT_LIMITS, AttachmentFile, AttachmentKind, AttachmentRef
from models.store import Store
from tests.attachments import samples
from ui.attachments import viewer
from ui.attachments.box import AttachmentsBox, Entry
from ui.common import messages
from ui.main_window import MainWindow
from ui.printing.preview import PdfPreview
from ui.progress.dialog import ProgressDialog

from ..conftest import MakeWindow, type_text

pytestmark = [pytest.mark.gui, pytest.mark.qt_log_ignore("propagateSizeHints")]

Save = QDialogButtonBox.StandardButton.Save


@pytest.fixture
def files(tmp_path: Path) -> dict[str, Path]:
    folder = tmp_path / "材料"
    return {
        "pdf": samples.write(folder, "会议纪要.pdf", samples.pdf_bytes(3)),
        "photo": samples.write(folder, "现场照片.jpg", samples.jpeg_bytes((320, 200))),
        "docx": samples.write(folder, "纪要.docx", samples.docx_bytes()),
        "exe": samples.write(folder, "通知.pdf", samples.executable_bytes()),
        "js": samples.write(folder, "带脚本.pdf", samples.pdf_with_javascript()),
    }


def test_box_checks_files_when_added_and_takes_drops(
    qtbot: QtBot, zh_app: object, files: dict[str, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    warned: list[str] = []
    monkeypatch.setattr(messages, "warning", lambda _p, _t, text: warned.append(text))
    box = AttachmentsBox(DEFAULT_LIMITS)
    qtbot.addWidget(box)
    assert "单个文件不超过 50 MB，每条进展最多 20 个" in box.caps.text()
    refused = box.add_paths([files["pdf"], files["exe"]])
    assert refused == ["“通知.pdf”实际是可执行程序，不能作为佐证材料（与文件名无关）。"]
    assert warned == refused
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(files["photo"]))])
    drop = QDropEvent(
        QPoint(5, 5).toPointF(), Qt.DropAction.CopyAction, mime,
        Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
    )  # fmt: skip
    box.dropEvent(drop)
    assert box.list.count() == 2
    assert box.list.item(0).text().startswith("会议纪要.pdf — PDF，")
    assert box.list.item(0).text().endswith("3 页")
    assert box.list.item(1).text().startswith("现场照片.jpg — JPEG 图片，")
    box.list.setCurrentRow(0)
    box.remove_selected()
    (kept,) = box.choices()
    assert kept == AttachmentFile(str(files["photo"]), "现场照片.jpg")


def test_report_with_files_saved_listed_and_opened(
    qtbot: QtBot,
    make_window: MakeWindow,
    store: Store,
    files: dict[str, Path],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    store.set_office("省公安厅")
    window: MainWindow = make_window(store)
    assert window.select_task_number(20)

    def run(self: ProgressDialog) -> int:
        type_text(self.work_done, "召开专题会议，纪要和照片附后。")
        type_text(self.reporter, "张三")
        self.attachments_box.add_paths([files["pdf"], files["photo"], files["docx"], files["js"]])
        self.buttons.button(Save).click()
        return int(self.result())

    monkeypatch.setattr(ProgressDialog, "exec", run)
    monkeypatch.setattr(messages, "confirm", lambda *_a: True)
    qtbot.mouseClick(window.detail.report_button, Qt.MouseButton.LeftButton)

    window.detail.history_view.selectRow(0)
    shown = window.detail.attachments_list
    assert shown.isVisibleTo(window.detail) and shown.count() == 4
    texts = [shown.item(i).text() for i in range(4)]
    assert texts[0].startswith("会议纪要.pdf — PDF，") and texts[0].endswith("3 页")
    assert texts[2].startswith("纪要.docx — Word 文档，")
    assert texts[3].endswith("⚠ 含 JavaScript 脚本")

    opened: list[Path] = []
    monkeypatch.setattr(viewer, "open_with_system", lambda path: opened.append(path) or True)
    before = set(QApplication.topLevelWidgets())
    shown.itemDoubleClicked.emit(shown.item(0))  # the PDF: built-in viewer
    new = [w for w in QApplication.topLevelWidgets() if w not in before and w.isVisible()]
    previews = [w for w in new if isinstance(w, PdfPreview)]
    assert previews and previews[0].page_count() == 3
    assert previews[0].windowTitle() == "佐证材料 — 会议纪要.pdf"
    shown.itemDoubleClicked.emit(shown.item(1))  # the photo: image window
    images = [w for w in QApplication.topLevelWidgets() if w.objectName() == "image_viewer"]
    assert images and not images[0].image.isNull() and images[0].image.width() == 320
    assert opened == []
    shown.itemDoubleClicked.emit(shown.item(2))  # Word: the system's program, confirmed
    assert [p.name for p in opened] == ["纪要.docx"]
    assert opened[0].read_bytes() == files["docx"].read_bytes()
    for widget in previews + images:
        widget.close()


def test_word_file_is_not_opened_without_confirmation(
    qtbot: QtBot,
    store: Store,
    zh_app: object,
    files: dict[str, Path],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    asked: list[str] = []
    opened: list[Path] = []
    monkeypatch.setattr(messages, "confirm", lambda _p, _t, text: asked.append(text) or False)
    monkeypatch.setattr(viewer, "open_with_system", lambda path: opened.append(path) or True)
    ref = AttachmentRef("", "纪要.exe", 10, AttachmentKind.DOCX)
    assert (
        viewer.show(None, store, Entry(ref, AttachmentFile(str(files["docx"]), "纪要.exe"))) is None
    )
    assert opened == [] and "将用本机的默认程序打开" in asked[0]
    monkeypatch.setattr(messages, "confirm", lambda *_a: True)
    viewer.show(None, store, Entry(ref, AttachmentFile(str(files["docx"]), "纪要.exe")))
    assert opened[0].name == "纪要.docx"  # never run as the name it came with


def test_dialog_lists_the_edited_reports_files(
    qtbot: QtBot, store: Store, zh_app: object, files: dict[str, Path]
) -> None:
    plan = store.plan_view()
    t20 = plan.task_by_number(20)
    assert t20 is not None
    police = store.find_unit_id("省公安厅")
    dialog = ProgressDialog(t20, [(police, "省公安厅")], unit_fixed=True)
    qtbot.addWidget(dialog)
    ref = AttachmentRef("a" * 64, "会议纪要.pdf", 2048, AttachmentKind.PDF, 2)
    dialog.attachments_box.set_choices((ref,))
    assert dialog.data().attachments == (ref,)
    assert dialog.attachments_box.list.item(0).text() == "会议纪要.pdf — PDF，2 KB，2 页"
    assert isinstance(dialog, QDialog)
