"""导出交换文件 in the window: scope and folder, the file written, and write failures."""

from __future__ import annotations

import datetime as dt
import errno
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from domain.exchange_records import ExportScope
from exchange import safe_write
from exchange.reader import read_exchange_file
from models.store import Store
from tests.exchange.offices import office, report
from tests.ui.conftest import MakeWindow
from ui.common import messages
from ui.exchange import words as exchange_words
from ui.exchange.export_dialog import ExchangeExportDialog
from ui.exchange.jobs import ExportRequest
from ui.i18n import install_translators
from ui.main_window import MainWindow

pytestmark = pytest.mark.gui

TODAY = dt.date.today().strftime("%Y%m%d")


def export_through_window(
    qtbot: QtBot,
    window: MainWindow,
    monkeypatch: pytest.MonkeyPatch,
    folder: Path,
    fill: object = None,
) -> tuple[Path | None, dict[str, str]]:
    """Run 文件 → 导出交换文件… choosing ``folder``; the file written and what was said."""
    said: dict[str, str] = {}
    monkeypatch.setattr(messages, "choose_folder", lambda *_a: folder)
    monkeypatch.setattr(messages, "information", lambda _p, t, text: said.update(info=text))
    monkeypatch.setattr(messages, "error", lambda _p, t, text, *_a: said.update(error=text))

    def run(self: ExchangeExportDialog) -> int:
        self.choose_button.click()
        if callable(fill):
            fill(self)
        said["name"] = self.name_label.text()
        self.ok_button.click()
        return int(self.result())

    monkeypatch.setattr(ExchangeExportDialog, "exec", run)
    with qtbot.waitSignal(window.exchange.export_finished, timeout=30_000) as blocker:
        window.menu_actions.export_exchange.trigger()
    return blocker.args[0], said


def test_a_unit_exports_its_records_into_the_chosen_folder(
    qtbot: QtBot,
    make_window: MakeWindow,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    police = office(tmp_path, "police", "省公安厅")
    report(police, 23, "省公安厅", 30)
    window = make_window(police)
    usb = tmp_path / "usb"
    usb.mkdir()
    written, said = export_through_window(qtbot, window, monkeypatch, usb)
    assert said["name"] == f"省公安厅-{TODAY}.duban"
    assert written == usb / said["name"] and written.is_file()
    assert sorted(p.name for p in usb.iterdir()) == [said["name"]]  # no .partial left
    assert said["info"] == f"已导出：{written}\n\n文件已写入并读回核对无误，可以安全拔出 U 盘。"
    bundle = read_exchange_file(written).bundle
    assert bundle.manifest.scope is ExportScope.UNIT
    assert bundle.manifest.sender.unit_name == "省公安厅" and len(bundle.revisions) == 1

    # A second export the same day never overwrites the first.
    again, said = export_through_window(qtbot, window, monkeypatch, usb)
    assert said["name"] == f"省公安厅-{TODAY}-2.duban" and again == usb / said["name"]
    police.close()


def test_the_unit_pc_offers_only_its_own_records(
    qtbot: QtBot, zh_app: object, tmp_path: Path
) -> None:
    police = office(tmp_path, "police", "省公安厅")
    dialog = ExchangeExportDialog(police.installation(), [("p", "方案")], ["省公安厅"])
    qtbot.addWidget(dialog)
    assert not dialog.unit_radio.isHidden() and dialog.unit_radio.isChecked()
    assert all(r.isHidden() for r in (dialog.all_radio, dialog.plan_radio, dialog.one_unit_radio))
    assert dialog.unit_radio.text() == "本单位（省公安厅）的进展记录"
    assert dialog.validate() == "请选择保存交换文件的文件夹（通常是 U 盘）。"
    dialog.set_folder(tmp_path / "拔出的U盘")
    assert dialog.validate() == f"目标文件夹不存在（U 盘是否已拔出？）：{tmp_path / '拔出的U盘'}"
    dialog.ok_button.click()
    assert not dialog.error_label.isHidden() and dialog.result() == 0
    police.close()


def test_the_coordinating_office_chooses_all_plan_only_or_one_unit(
    qtbot: QtBot,
    make_window: MakeWindow,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    coord = office(tmp_path, "coord", None)
    window = make_window(coord)
    usb = tmp_path / "usb"
    usb.mkdir()
    inst = coord.installation()
    units = ["省公安厅", "哈尔滨海关"]
    dialog = ExchangeExportDialog(inst, [("p", "方案")], units)
    qtbot.addWidget(dialog)
    assert dialog.all_radio.isChecked() and dialog.unit_radio.isHidden()
    dialog.set_folder(usb)
    assert dialog.name_label.text() == f"协调办公室-{TODAY}.duban"
    dialog.plan_radio.setChecked(True)
    assert dialog.name_label.text() == f"协调办公室-方案更新-{TODAY}.duban"
    dialog.one_unit_radio.setChecked(True)
    assert dialog.unit_box.isEnabled()
    assert dialog.validate() == "请选择要导出哪个单位的记录。"
    dialog.unit_box.setCurrentText("哈尔滨海关")
    assert dialog.validate() is None
    assert dialog.name_label.text() == f"哈尔滨海关-{TODAY}.duban"
    assert dialog.data() == ExportRequest(ExportScope.UNIT, usb, "哈尔滨海关", "p")

    def plan_only(d: ExchangeExportDialog) -> None:
        d.plan_radio.setChecked(True)

    written, said = export_through_window(qtbot, window, monkeypatch, usb, plan_only)
    assert written is not None and written.name == f"协调办公室-方案更新-{TODAY}.duban"
    assert read_exchange_file(written).bundle.manifest.scope is ExportScope.PLAN_ONLY
    assert "可以安全拔出 U 盘" in said["info"]
    coord.close()


def test_a_read_only_stick_says_so_and_leaves_no_file(
    qtbot: QtBot,
    make_window: MakeWindow,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    police = office(tmp_path, "police", "省公安厅")
    window = make_window(police)
    usb = tmp_path / "usb"
    usb.mkdir()

    def read_only(path: Path, data: bytes) -> None:
        raise OSError(errno.EROFS, "Read-only file system", str(path))

    monkeypatch.setattr(safe_write, "_write_synced", read_only)
    written, said = export_through_window(qtbot, window, monkeypatch, usb)
    assert written is None and "info" not in said
    assert said["error"] == (
        f"目标位置只读或没有写入权限：{usb}\n目标文件夹中没有留下不完整的文件。"
    )
    assert list(usb.iterdir()) == []
    assert window.menu_actions.export_exchange.isEnabled()
    police.close()


def test_a_stick_pulled_out_after_choosing_says_the_folder_is_missing(
    qtbot: QtBot,
    make_window: MakeWindow,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    police = office(tmp_path, "police", "省公安厅")
    window = make_window(police)
    gone = tmp_path / "usb"  # chosen, then the stick went: the dialog said OK before
    said: list[str] = []
    monkeypatch.setattr(
        ExchangeExportDialog, "edit", classmethod(lambda *_a: ExportRequest(ExportScope.UNIT, gone))
    )
    monkeypatch.setattr(messages, "error", lambda _p, _t, text, *_a: said.append(text))
    with qtbot.waitSignal(window.exchange.export_finished, timeout=30_000):
        window.menu_actions.export_exchange.trigger()
    assert said[0].startswith(f"目标文件夹不存在（U 盘是否已拔出？）：{gone}")
    assert not gone.exists()  # not even a file named like the stick beside its mount point
    police.close()


def test_a_unit_pc_without_its_unit_is_asked_to_choose_it_first(
    qtbot: QtBot,
    make_window: MakeWindow,
    store: Store,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    window = make_window(store)
    asked: list[str] = []
    opened: list[bool] = []
    monkeypatch.setattr(messages, "confirm", lambda _p, _t, text: asked.append(text) or False)
    monkeypatch.setattr(ExchangeExportDialog, "exec", lambda self: opened.append(True) or 0)
    window.menu_actions.export_exchange.trigger()
    assert asked == ["导出的文件以本机所属单位的名义发送，须先设置本机单位。现在设置吗？"]
    assert opened == []


def test_unknown_codes_get_a_generic_sentence_and_english_is_complete(
    qtbot: QtBot, zh_app: QApplication, english_catalogue: Path, tmp_path: Path
) -> None:
    # Codes a newer engine may add (signed files …) still get words, with the code to quote.
    assert exchange_words.file_refusal_text("brand_new") == "文件未被接受（原因代码：brand_new）。"
    assert exchange_words.file_refusal_text("key_retired").startswith("签名所用的密钥已停用")
    assert exchange_words.write_error_text("quota", "/media/u") == (
        "导出未完成（原因代码：quota）：/media/u"
    )
    install_translators(zh_app, "en")
    police = office(tmp_path, "police", "省公安厅")
    dialog = ExchangeExportDialog(police.installation(), [("p", "方案")], ["省公安厅"])
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == "Export exchange file"
    assert dialog.unit_radio.text() == "Progress records of this unit (省公安厅)"
    assert exchange_words.file_refusal_text("truncated").startswith("The file is incomplete")
    assert exchange_words.file_refusal_text("brand_new") == (
        "The file was not accepted (reason code: brand_new)."
    )
    police.close()
