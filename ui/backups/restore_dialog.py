"""Window layer: 工具 → 恢复备份…: pick one of the automatic backups and restore it.

The database is backed up automatically before every schema upgrade and every import
(``models.backup_files``; the newest few by creation number are kept). Restoring one
first backs up the current data (``before-restore``), so a restore can itself be undone;
the copy runs on a pool thread (``models.backups.restore_backup``) and the window then
reloads. A backup of another PC's database is restored only after the clerk confirms it.
"""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QModelIndex, QObject, Qt, Signal, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from models.backups import (
    BackupError,
    BackupInfo,
    backup_owner,
    backups,
    backups_dir,
    restore_backup,
)
from ui.common import messages, words
from ui.common.dialog_base import CheckedDialog, run_modal
from ui.common.sizing import resize_within_screen
from ui.common.worker import run_in_pool

if TYPE_CHECKING:
    from pathlib import Path

    from ui.main_window import MainWindow

COL_TIME, COL_REASON, COL_SIZE = 0, 1, 2


def reason_text(code: str) -> str:
    texts = {
        "before-migration": QCoreApplication.translate("Backups", "升级数据库结构前"),
        "before-import": QCoreApplication.translate("Backups", "导入交换文件前"),
        "before-restore": QCoreApplication.translate("Backups", "恢复备份前"),
    }
    return texts.get(code, code or QCoreApplication.translate("Backups", "其他"))


def time_text(info: BackupInfo) -> str:
    if info.made_at is None:
        return QCoreApplication.translate("Backups", "时间未知")
    return info.made_at.strftime("%Y-%m-%d %H:%M:%S")


def error_text(exc: Exception) -> str:
    code = exc.code if isinstance(exc, BackupError) else ""
    texts = {
        "missing": QCoreApplication.translate("Backups", "备份文件已不存在。"),
        "not_a_database": QCoreApplication.translate(
            "Backups", "备份文件不是 SQLite 数据库，或已损坏。"
        ),
        "not_a_duban_database": QCoreApplication.translate("Backups", "备份文件不是督办的数据库。"),
        "database_too_new": QCoreApplication.translate(
            "Backups", "这份备份由更新版本的督办创建，本版本无法使用。"
        ),
        "damaged": QCoreApplication.translate("Backups", "备份文件已损坏，不能恢复。"),
        "other_installation": QCoreApplication.translate(
            "Backups", "这份备份来自另一台电脑（{detail}），没有恢复。"
        ).format(detail=getattr(exc, "detail", "")),
    }
    if code in ("disk_full", "read_only", "database_locked", "io_error"):
        return words.store_error_text(code, getattr(exc, "detail", ""))
    reason = texts.get(code) or QCoreApplication.translate(
        "Backups", "恢复时出错：{reason}"
    ).format(reason=exc)
    return reason + QCoreApplication.translate("Backups", "当前数据未作改动。")


class BackupDialog(CheckedDialog):
    """List of backups, newest first: ``set_data`` / ``data`` / ``validate`` / ``edit``."""

    def __init__(self, folder: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("backup_dialog")
        self.setWindowTitle(self.tr("恢复备份"))
        self._infos: list[BackupInfo] = []
        self._init_widgets(folder)
        self._init_layout()
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.list.doubleClicked.connect(self._on_double_clicked)
        resize_within_screen(self, 620, 360)

    def _init_widgets(self, folder: Path) -> None:
        self.intro = QLabel(
            self.tr(
                "数据库在升级结构和导入交换文件之前会自动备份，保留最近几份。"
                "恢复所选备份时，当前数据会先另存为一份备份，恢复之后仍可再恢复回来。"
            ),
            self,
        )
        self.intro.setWordWrap(True)
        self.folder_label = QLabel(self.tr("备份位置：{folder}").format(folder=folder), self)
        self.folder_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.folder_label.setWordWrap(True)
        self.list = QTreeWidget(self)
        self.list.setObjectName("backup_list")
        self.list.setRootIsDecorated(False)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setHeaderLabels([self.tr("备份时间"), self.tr("原因"), self.tr("大小")])
        self.list.headerItem().setTextAlignment(COL_SIZE, Qt.AlignmentFlag.AlignRight)
        header = self.list.header()
        header.setSectionResizeMode(COL_TIME, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(COL_REASON, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(COL_SIZE, QHeaderView.ResizeMode.ResizeToContents)
        self.error_label = QLabel(self)
        self.error_label.setStyleSheet("color: #c62828;")
        self.error_label.hide()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(self.tr("恢复所选备份…"))
        ok.setObjectName("restore_button")

    def _init_layout(self) -> None:
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.folder_label)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)

    def set_data(self, infos: list[BackupInfo]) -> None:
        self._infos = list(infos)
        self.list.clear()
        for info in self._infos:
            item = QTreeWidgetItem(
                [time_text(info), reason_text(info.reason), f"{info.size / 1024:,.0f} KB"]
            )
            item.setTextAlignment(COL_SIZE, Qt.AlignmentFlag.AlignRight)
            item.setToolTip(COL_TIME, str(info.path))
            self.list.addTopLevelItem(item)

    def data(self) -> BackupInfo | None:
        row = self.list.indexOfTopLevelItem(self.list.currentItem())
        selected = self.list.selectedItems()
        return self._infos[row] if selected and 0 <= row < len(self._infos) else None

    def validate(self) -> str | None:
        return None if self.data() is not None else self.tr("请先选择要恢复的备份。")

    @classmethod
    def edit(
        cls, parent: QWidget | None, folder: Path, infos: list[BackupInfo]
    ) -> BackupInfo | None:
        dialog = cls(folder, parent)
        dialog.set_data(infos)
        return run_modal(dialog)

    @Slot(QModelIndex)
    def _on_double_clicked(self, _index: QModelIndex) -> None:
        self.accept()


class BackupCommands(QObject):
    """工具 → 恢复备份… on behalf of the main window (connects its own action)."""

    # The backup made of the data before the restore (``Path``), or None; after reload.
    restored = Signal(object)

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._window = window
        self._busy = False
        window.menu_actions.restore_backup.triggered.connect(self.restore)
        window.plans_reloaded.connect(self._update_action)
        # Made after the first fill, usually with the database already open: say so now.
        self._update_action()

    @Slot()
    def _update_action(self) -> None:
        store = self._window.store
        action = self._window.menu_actions.restore_backup
        # A server's copies are its own pg_dump schedule's, restored on the server by IT.
        on_server = store is not None and store.on_server
        action.setEnabled(store is not None and not on_server)
        action.setToolTip(
            self.tr("数据在服务器上：备份和恢复由服务器的 pg_dump 定时任务负责。")
            if on_server
            else ""
        )

    @Slot()
    def restore(self) -> None:
        window, store = self._window, self._window.store
        if store is None or self._busy:
            return
        if window.exchange.busy:
            messages.information(
                window, self.tr("恢复备份"), self.tr("正在导入或导出，请稍后再试。")
            )
            return
        infos = backups(store.path)
        folder = backups_dir(store.path)
        if not infos:
            messages.information(
                window,
                self.tr("恢复备份"),
                self.tr("还没有备份。数据库会在升级结构和导入交换文件之前自动备份（{folder}）。")
                .format(folder=folder),
            )  # fmt: skip
            return
        chosen = BackupDialog.edit(window, folder, infos)
        if chosen is None:
            return
        question = self.tr(
            "用 {time}（{reason}）的备份替换当前数据吗？\n\n"
            "此后录入的进展、导入的交换文件都会从本机数据中消失；"
            "当前数据会先另存为一份备份，需要时可以再恢复回来。"
        ).format(time=time_text(chosen), reason=reason_text(chosen.reason))
        if not messages.confirm(window, self.tr("恢复备份"), question):
            return
        theirs, ours = backup_owner(chosen.path), backup_owner(store.path)
        other_pc = bool(theirs and ours and theirs[0] != ours[0])
        if other_pc and not messages.confirm(
            window,
            self.tr("恢复备份"),
            self.tr(
                "这份备份来自另一台电脑（{owner}），不是本机的数据。\n\n"
                "恢复后本机将变成那台电脑：安装编号、所属单位和已登记的密钥都随之改变。"
                "只有更换电脑、接收旧电脑的数据时才应这样做。确定要恢复吗？"
            ).format(owner=theirs[1] if theirs else ""),
        ):
            return
        self._busy = True
        store.close()  # its engine reconnects on the next use, to the restored content
        window.setEnabled(False)
        window.statusBar().showMessage(self.tr("正在恢复备份…"))
        job = partial(restore_backup, allow_other_installation=other_pc)
        run_in_pool(self._on_restored, self._on_failed, job, store.path, chosen.path)

    @Slot(object)
    def _on_restored(self, saved: Path | None) -> None:
        self._finish()
        store = self._window.store
        if store is not None:
            self._window.set_store(store)  # reads the installation and the plans afresh
        text = self.tr("已恢复所选备份。")
        if saved is not None:
            text += "\n" + self.tr("恢复前的数据已另存为：{name}").format(name=saved.name)
        self._window.statusBar().showMessage(self.tr("已恢复备份"), 5000)
        messages.information(self._window, self.tr("恢复备份"), text)
        self.restored.emit(saved)

    @Slot(object)
    def _on_failed(self, error: Exception) -> None:
        self._finish()
        self._window.statusBar().clearMessage()
        messages.error(self._window, self.tr("恢复备份"), error_text(error))

    def _finish(self) -> None:
        self._busy = False
        self._window.setEnabled(True)
