"""USB exchange in the window: 导入交换文件 (preview, confirm, results), refusals, the
key-registration hook and 导入日志, on real exports written by real stores."""

from __future__ import annotations

import dataclasses
import hashlib
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from domain.exchange_records import ExportScope
from exchange.writer import write_bundle
from models.store import Store
from tests.exchange.offices import (
    export,
    import_all,
    office,
    report,
    trust_each_other,
    trust_senders,
)
from tests.ui.conftest import MakeWindow
from ui.common import messages
from ui.exchange.file_model import (
    COL_CONFLICTS,
    COL_NEW,
    COL_PLAN_CHANGES,
    COL_PRESENT,
    COL_REJECTED,
    COL_RESULT,
    COL_SENDER,
    ExchangeFileModel,
    FileRow,
)
from ui.exchange.import_dialog import ExchangeImportDialog
from ui.exchange.import_log_view import COL_DETAILS, COL_OUTCOME, ImportLogDialog, ImportLogModel
from ui.exchange.import_log_view import COL_FILE as LOG_COL_FILE
from ui.exchange.import_log_view import COL_NEW as LOG_COL_NEW
from ui.exchange.import_log_view import COL_SENDER as LOG_COL_SENDER
from ui.exchange.jobs import FilePreview, FileState, apply_file
from ui.main_window import MainWindow
from ui.tree.model import COL_STATUS

pytestmark = pytest.mark.gui

COUNT_COLUMNS = (COL_NEW, COL_PRESENT, COL_CONFLICTS, COL_REJECTED, COL_PLAN_CHANGES)


def db_digest(path: Path) -> str:
    """The database file and its WAL: what "the database is unchanged" means in WAL mode."""
    digest = hashlib.sha256(path.read_bytes())
    wal = path.with_name(path.name + "-wal")
    if wal.exists():
        digest.update(wal.read_bytes())
    return digest.hexdigest()


def row_texts(model: ExchangeFileModel, row: int) -> dict[int, str]:
    columns = (COL_SENDER, *COUNT_COLUMNS, COL_RESULT)
    return {c: model.data(model.index(row, c)) or "" for c in columns}


def counts(model: ExchangeFileModel, row: int) -> list[str]:
    return [model.data(model.index(row, c)) for c in COUNT_COLUMNS]


@pytest.fixture
def offices(tmp_path: Path) -> tuple[Store, Store, Store]:
    """省公安厅, 哈尔滨海关 and the coordinating office, each with the others' keys confirmed."""
    police = office(tmp_path, "police", "省公安厅")
    customs = office(tmp_path, "customs", "哈尔滨海关")
    coord = office(tmp_path, "coord", None)
    trust_each_other(police, customs, coord)
    yield police, customs, coord
    for store in (police, customs, coord):
        store.close()


def forged_police_file(police: Store, customs: Store, folder: Path) -> Path:
    """省公安厅's real export with one of 哈尔滨海关's revisions slipped in (signed by 省公安厅):
    the police record merges, the customs one is rejected."""
    report(police, 23, "省公安厅", 30)
    foreign = report(customs, 25, "哈尔滨海关", 10)
    bundle = police.export_bundle(ExportScope.UNIT)
    path = folder / "省公安厅-附带他单位记录.duban"
    folder.mkdir(parents=True, exist_ok=True)
    write_bundle(
        dataclasses.replace(bundle, revisions=(*bundle.revisions, foreign)),
        path,
        signer=police.signer(),
    )
    return path


def preview(qtbot: QtBot, db: Path, paths: list[Path]) -> ExchangeImportDialog:
    dialog = ExchangeImportDialog(db)
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.previews_ready, timeout=20_000):
        dialog.set_data(paths)
    return dialog


def test_preview_counts_then_confirm_merges_and_the_tree_shows_the_progress(
    qtbot: QtBot,
    make_window: MakeWindow,
    offices: tuple[Store, Store, Store],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    police, customs, coord = offices
    police_file = forged_police_file(police, customs, tmp_path / "usb")
    customs_file = export(customs, tmp_path / "usb")
    window = make_window(coord)
    assert window.select_task_number(23)
    before = db_digest(coord.path)
    seen: dict[str, object] = {}

    def confirm(self: ExchangeImportDialog) -> int:
        if self.is_reading():
            # An event loop, not waitUntil: PySide6 6.12's processEvents() races the pool
            # thread's reference counts (see the report of this change).
            with qtbot.waitSignal(self.previews_ready, timeout=20_000):
                pass
        seen["rows"] = [row_texts(self.model, r) for r in range(self.model.rowCount())]
        seen["details"] = self.details.toPlainText()
        seen["state"] = self.state_label.text()
        seen["unchanged"] = db_digest(coord.path) == before  # nothing before confirming
        self.ok_button.click()
        return int(self.result())

    results: list[list[FileRow]] = []
    monkeypatch.setattr(messages, "choose_exchange_files", lambda *_a: [police_file, customs_file])
    monkeypatch.setattr(ExchangeImportDialog, "exec", confirm)
    monkeypatch.setattr(ExchangeImportDialog, "show_results", lambda _p, rows: results.append(rows))
    with qtbot.waitSignal(window.exchange.import_finished, timeout=30_000):
        window.menu_actions.import_exchange.trigger()

    police_row, customs_row = seen["rows"]  # type: ignore[misc]
    assert police_row[COL_SENDER].startswith("省公安厅（")
    assert [police_row[c] for c in (*COUNT_COLUMNS, COL_RESULT)] == [
        "1", "0", "0", "1", "0", "可以导入",
    ]  # fmt: skip
    assert customs_row[COL_SENDER].startswith("哈尔滨海关（")
    assert [customs_row[c] for c in COUNT_COLUMNS] == ["1", "0", "0", "0", "0"]
    details = str(seen["details"])
    assert "方案：《黑龙江省人民政府关于新形势下加快知识产权强省建设的实施意见》" in details
    assert "新记录 1 条，已有 0 条，冲突 0 条，拒收 1 条，方案修订 0 条" in details
    assert "任务 25，哈尔滨海关：不是发送单位自己的进展记录" in details
    assert str(seen["state"]).startswith(
        "共 2 个文件：可以导入 2 个，已导入过 0 个，不能导入 0 个。"
    )
    assert seen["unchanged"] is True

    assert [r.state for r in results[0]] == [FileState.IMPORTED, FileState.IMPORTED]
    assert db_digest(coord.path) != before
    # The tree and the detail pane were reloaded: the units' progress is there.
    tree = window.model
    task23 = tree.index_of(coord.find_task_id(None, 23)).siblingAtColumn(COL_STATUS)
    assert tree.data(task23).endswith(" 30%")  # the light (正常, 临期 …) and the percent
    # 哈尔滨海关's record came in its own file (the copy smuggled by 省公安厅 was rejected).
    task25 = tree.index_of(coord.find_task_id(None, 25)).siblingAtColumn(COL_STATUS)
    assert tree.data(task25).endswith(" 10%")
    assert window.detail.title.text() == "任务 23"
    units = window.detail.units_model
    states = {units.item(r, 0).text(): units.item(r, 2).text() for r in range(units.rowCount())}
    assert states["省公安厅"].startswith("推进中 30%")  # the unit's report, as content
    assert "导入完成：2 个文件，新记录 2 条。" in window.statusBar().currentMessage()


def test_the_same_file_again_is_already_imported_with_nothing_new(
    qtbot: QtBot, zh_app: object, offices: tuple[Store, Store, Store], tmp_path: Path
) -> None:
    police, _customs, coord = offices
    report(police, 23, "省公安厅", 30)
    path = export(police, tmp_path / "usb")
    import_all(coord, path)
    dialog = preview(qtbot, coord.path, [path])
    assert row_texts(dialog.model, 0)[COL_RESULT] == "已导入过"
    assert counts(dialog.model, 0)[:2] == ["0", "1"]
    assert "这个文件已经导入过，0 条新记录" in dialog.details.toPlainText()
    assert not dialog.ok_button.isEnabled()
    assert dialog.validate() == "没有可以导入的文件。"
    assert dialog.data() == []


def test_a_damaged_file_is_refused_with_a_reason_and_changes_nothing(
    qtbot: QtBot, zh_app: object, offices: tuple[Store, Store, Store], tmp_path: Path
) -> None:
    police, _customs, coord = offices
    report(police, 23, "省公安厅", 30)
    good = export(police, tmp_path / "usb")
    data = good.read_bytes()
    truncated = tmp_path / "usb" / "省公安厅-拔出U盘.duban"
    truncated.write_bytes(data[: len(data) // 2])
    notes = tmp_path / "usb" / "会议纪要.duban"
    notes.write_text("这不是交换文件", encoding="utf-8")
    before = db_digest(coord.path)

    dialog = preview(qtbot, coord.path, [truncated, notes, good])
    results = [row_texts(dialog.model, r)[COL_RESULT] for r in range(3)]
    assert results == ["拒收", "拒收", "可以导入"]
    assert counts(dialog.model, 0) == [None] * 5  # a refused file has no counts
    dialog.table.selectRow(0)
    text = dialog.details.toPlainText()
    assert "拒收：文件不完整（可能复制时 U 盘被拔出），请重新导出。" in text
    assert "数据库未作任何改动" in text
    dialog.table.selectRow(1)
    assert "拒收：不是督办交换文件（不是 SQLite 数据库）。" in dialog.details.toPlainText()
    assert dialog.data() == [good]  # only the readable file goes on to be merged

    # Merging the refused files (as the window would) leaves the database byte-for-byte.
    for path in (truncated, notes):
        outcome = apply_file(coord.path, path)
        assert outcome.state is FileState.REFUSED
    assert db_digest(coord.path) == before


def test_an_unconfirmed_key_is_previewed_not_merged_and_the_hook_can_confirm_it(
    qtbot: QtBot, zh_app: object, tmp_path: Path
) -> None:
    police = office(tmp_path, "police", "省公安厅")
    coord = office(tmp_path, "coord", None)
    report(police, 23, "省公安厅", 30)
    path = export(police, tmp_path / "usb")
    before = db_digest(coord.path)

    dialog = preview(qtbot, coord.path, [path])
    assert row_texts(dialog.model, 0)[COL_RESULT] == "待登记密钥"
    assert counts(dialog.model, 0)[0] == "1"  # the preview still shows what it holds
    text = dialog.details.toPlainText()
    assert "发送方的签名密钥尚未在本机登记，只能预览，不能导入。" in text
    # The number to check is never shown before it is typed from the card.
    fingerprint = police.own_key().fingerprint
    assert "密钥指纹：" not in text and fingerprint not in text
    assert fingerprint.replace(" ", "")[:16].lower() not in text  # nor the key id (its half)
    assert dialog.key_button.isHidden() and not dialog.ok_button.isEnabled()
    assert apply_file(coord.path, path).state is FileState.UNTRUSTED
    assert db_digest(coord.path) == before

    asked: list[FilePreview] = []

    def register(preview: FilePreview) -> bool:  # what the key-registration step will do
        asked.append(preview)
        trust_senders(coord, preview.path)
        return True

    dialog.set_key_confirmation(register)
    assert not dialog.key_button.isHidden() and dialog.key_button.isEnabled()
    with qtbot.waitSignal(dialog.previews_ready, timeout=20_000):
        dialog.key_button.click()
    assert [p.path for p in asked] == [path]
    assert row_texts(dialog.model, 0)[COL_RESULT] == "可以导入"
    assert dialog.data() == [path] and dialog.ok_button.isEnabled()
    coord.close()
    police.close()


def test_import_log_lists_the_merged_file(
    qtbot: QtBot,
    make_window: MakeWindow,
    offices: tuple[Store, Store, Store],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    qtmodeltester: object,
) -> None:
    police, customs, coord = offices
    path = forged_police_file(police, customs, tmp_path / "usb")
    window: MainWindow = make_window(coord)
    shown: list[ImportLogModel] = []

    def capture(self: ImportLogDialog) -> int:
        shown.append(self.model)
        seen_empty.append(not self.empty_label.isHidden())
        return 0

    seen_empty: list[bool] = []
    monkeypatch.setattr(ImportLogDialog, "exec", capture)
    window.menu_actions.import_log.trigger()
    assert shown[0].rowCount() == 0 and seen_empty == [True]

    import_all(coord, path)
    window.menu_actions.import_log.trigger()
    model = shown[1]
    qtmodeltester.check(model)  # type: ignore[attr-defined]
    assert model.rowCount() == 1 and seen_empty[1] is False
    cell = {c: model.data(model.index(0, c)) for c in range(model.columnCount())}
    assert cell[LOG_COL_FILE] == path.name
    assert cell[LOG_COL_SENDER].startswith("省公安厅（")
    assert cell[COL_OUTCOME] == "已合并"
    assert cell[LOG_COL_NEW] == "1"
    assert cell[COL_DETAILS] == "拒收 1 条：不是发送单位自己的进展记录（哈尔滨海关）"
    header = model.headerData(0, Qt.Orientation.Horizontal)
    assert header == "导入时间"


def test_file_model_passes_the_model_tester(
    qtbot: QtBot,
    zh_app: object,
    offices: tuple[Store, Store, Store],
    tmp_path: Path,
    qtmodeltester: object,
) -> None:
    police, _customs, coord = offices
    report(police, 23, "省公安厅", 30)
    dialog = preview(qtbot, coord.path, [export(police, tmp_path / "usb"), tmp_path / "无.duban"])
    qtmodeltester.check(dialog.model)  # type: ignore[attr-defined]
    assert row_texts(dialog.model, 1)[COL_RESULT] == "拒收"
    dialog.table.selectRow(1)
    assert "无法读取文件" in dialog.details.toPlainText()


def test_an_anomaly_is_shown_for_a_person_to_check(
    qtbot: QtBot, zh_app: object, offices: tuple[Store, Store, Store], tmp_path: Path
) -> None:
    police, _customs, coord = offices
    report(police, 23, "省公安厅", 30)
    first = export(police, tmp_path / "usb")
    bundle = police.export_bundle(ExportScope.UNIT)
    altered = dataclasses.replace(  # same revision ids, other content: a copied installation?
        bundle,
        revisions=tuple(dataclasses.replace(r, percent=99) for r in bundle.revisions),
        manifest=dataclasses.replace(
            bundle.manifest, export_id="11111111-1111-4111-8111-111111111111"
        ),
    )
    second = tmp_path / "usb" / "省公安厅-改动过.duban"
    write_bundle(altered, second, signer=police.signer())
    import_all(coord, first)
    dialog = preview(qtbot, coord.path, [second])
    assert row_texts(dialog.model, 0)[COL_RESULT] == "可以导入"
    text = dialog.details.toPlainText()
    assert "需要核对的异常：" in text
    assert "同一记录编号内容不同（两份均已保留，请核对）" in text
