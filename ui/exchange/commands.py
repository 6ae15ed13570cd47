"""Window layer: the window's USB-exchange actions: 导出交换文件, 导入交换文件, 导入日志.

Each runs a dialog that returns data, does the slow work on pool threads
(``ui.exchange.jobs``) and turns the engine's codes into words (``ui.exchange.words``).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal, Slot

from domain.exchange_records import ExportScope
from domain.plan_names import plan_labels
from exchange.errors import ExportWriteError
from models.errors import StoreError
from ui.common import messages
from ui.common.worker import run_in_pool
from ui.exchange import words as exchange_words
from ui.exchange.export_dialog import ExchangeExportDialog
from ui.exchange.file_model import FileRow
from ui.exchange.import_dialog import ExchangeImportDialog, KeyConfirmation
from ui.exchange.import_log_view import ImportLogDialog
from ui.exchange.jobs import ExportRequest, FilePreview, FileState, apply_file, export_file

if TYPE_CHECKING:
    from ui.main_window import MainWindow


class ExchangeCommands(QObject):
    """USB exchange on behalf of the main window; owns no data but the last folder used."""

    # The written file's path, or None when the export failed (after the message).
    export_finished = Signal(object)
    # ``list[FileRow]``: what merging each confirmed file did (after the window reloaded).
    import_finished = Signal(object)

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._window = window
        self._export_folder: Path | None = None
        self._export_request: ExportRequest | None = None
        self._exporting = False
        self._queue: list[Path] = []
        self._results: list[FileRow] = []
        self._total = 0
        self._backed_up = False
        # Key registration (登记): ``handler(preview) -> bool`` asks the clerk to confirm
        # the sender's key of a previewed file against its registration card.
        self.key_confirmation: KeyConfirmation | None = self.confirm_key

    @property
    def busy(self) -> bool:
        return self._exporting or bool(self._queue)

    # --- 导出交换文件 ----------------------------------------------------------------------
    @Slot()
    def export_exchange(self) -> None:
        store = self._window.store
        if store is None or self._exporting:
            return
        inst = store.installation()
        if not inst.configured:
            if not messages.confirm(
                self._window,
                self.tr("尚未设置本机单位"),
                self.tr("导出的文件以本机所属单位的名义发送，须先设置本机单位。现在设置吗？"),
            ):
                return
            if not self._window.commands.choose_office():
                return
            inst = store.installation()
        views = store.plan_views()
        unit_names = list(dict.fromkeys(u.unit_name for p in views for u in p.units()))
        node = self._window.selected_node()
        default = ExportRequest(
            ExportScope.ALL if inst.is_coordinating_office else ExportScope.UNIT,
            self._export_folder,
            plan_id=node.plan_id if node else None,
        )
        request = ExchangeExportDialog.edit(
            self._window, inst, plan_labels(views), unit_names, default
        )
        if request is None:
            return
        self._export_folder = request.folder
        self._export_request = request
        self._set_exporting(True)
        self._window.statusBar().showMessage(self.tr("正在导出交换文件…"))
        run_in_pool(self._on_exported, self._on_export_failed, export_file, store.path, request)

    @Slot(object)
    def _on_exported(self, path: Path) -> None:
        self._set_exporting(False)
        self._window.statusBar().showMessage(
            self.tr("已导出：{name}").format(name=path.name), 10_000
        )
        messages.information(
            self._window,
            self.tr("导出完成"),
            self.tr("已导出：{path}\n\n文件已写入并读回核对无误，可以安全拔出 U 盘。").format(
                path=path
            ),
        )
        self.export_finished.emit(path)

    @Slot(object)
    def _on_export_failed(self, error: Exception) -> None:
        self._set_exporting(False)
        self._window.statusBar().clearMessage()
        folder = self._export_request.folder if self._export_request else None
        if isinstance(error, ExportWriteError):
            text = exchange_words.write_error_text(str(error.code), str(folder or ""))
            # The engine removes its .partial file: nothing half-written looks complete.
            text += "\n" + self.tr("目标文件夹中没有留下不完整的文件。")
        elif isinstance(error, StoreError):
            text = exchange_words.export_refusal_text(error.code, error.detail)
        else:
            text = self.tr("导出失败：{reason}").format(reason=error)
        messages.error(self._window, self.tr("未能导出"), text)
        self.export_finished.emit(None)

    def _set_exporting(self, exporting: bool) -> None:
        self._exporting = exporting
        self._window.menu_actions.export_exchange.setEnabled(not exporting)

    # --- 本机密钥与登记卡 -------------------------------------------------------------------
    @Slot()
    def show_own_key(self) -> None:
        """Show this PC's key fingerprint and offer to save the registration card PDF."""
        store = self._window.store
        if store is None:
            return
        try:
            card = store.registration_card()
        except StoreError as exc:
            messages.error(
                self._window,
                self.tr("本机密钥"),
                self.tr("无法读取本机密钥（原因代码：{code}）。").format(code=exc.code),
            )
            return
        text = self.tr(
            "本机：{name}（{unit}）\n密钥编号：{key_id}\n密钥指纹：{fingerprint}\n\n"
            "请打印登记卡，经办人签字、加盖单位公章后交协调办公室备案。现在保存登记卡 PDF 吗？"
        ).format(
            name=card.installation_name,
            unit=card.unit_label,
            key_id=card.key_id,
            fingerprint=card.fingerprint,
        )
        if not messages.confirm(self._window, self.tr("本机密钥与登记卡"), text):
            return
        target = messages.choose_save_pdf(
            self._window, Path.home() / f"密钥登记卡-{card.unit_label}.pdf"
        )
        if target is None:
            return
        from sheets.registration_card import registration_card

        try:
            registration_card(card, target)
        except OSError as exc:
            messages.error(self._window, self.tr("未能保存"), f"{target}：{exc.strerror}")
            return
        messages.information(
            self._window, self.tr("已保存"), self.tr("登记卡已保存：{path}").format(path=target)
        )

    # --- 登记密钥 ------------------------------------------------------------------------
    def confirm_key(self, preview: FilePreview) -> bool:
        """Register the key that signed ``preview``'s file once the clerk typed the
        fingerprint from the sender's card; True when the file should be read again."""
        from exchange.errors import RejectedFile
        from exchange.reader import read_exchange_file
        from ui.keys.confirm_dialog import KeyClaim, KeyConfirmDialog

        store = self._window.store
        if store is None:
            return False
        try:
            bundle = read_exchange_file(preview.path).bundle
        except RejectedFile as exc:
            messages.error(
                self._window, self.tr("无法登记"), exchange_words.file_refusal_text(str(exc.code))
            )
            return False
        if bundle.signature is None:
            messages.error(
                self._window,
                self.tr("无法登记"),
                self.tr("这个文件没有签名（旧版 Duban 导出），请对方升级后重新导出。"),
            )
            return False
        sender = bundle.manifest.sender
        claim = KeyClaim(preview.path, exchange_words.sender_text(sender))
        typed, problem, replace = "", "", False
        while True:
            typed = KeyConfirmDialog.edit(self._window, claim, typed, problem) or ""
            if not typed:
                return False
            try:
                outcome = store.trust_key(
                    sender,
                    bundle.signature.public_key,
                    typed,
                    replace_installation=replace,
                    file_name=preview.path.name,
                )
                break
            except StoreError as exc:
                if exc.code == "fingerprint_mismatch":
                    # Asked again with what was typed kept; the file's number is not shown.
                    problem = self.tr(
                        "与文件中的密钥不一致：第 {groups} 组不同，未登记（已记入导入日志）。"
                        "请再逐组核对登记卡；若确实不一致，该文件可能不是对方导出的，"
                        "请勿导入并与对方联系。"
                    ).format(groups=exc.detail)
                    continue
                if exc.code == "installation_conflict" and not replace:
                    replace = messages.confirm(
                        self._window, self.tr("同一安装编号登记在另一单位"),
                        self.tr(
                            "这个安装编号已登记在{owner}名下，而这份文件来自{sender}。"
                            "两台电脑可能是从同一个系统镜像复制的。\n\n"
                            "如果是复制的电脑，请选“否”：{owner}的密钥继续有效，请让后装的"
                            "那台电脑用新的数据目录重新安装督办，再打印登记卡。\n"
                            "如果确是同一台电脑改了单位或名称（已电话核实），请选“是”："
                            "登记新密钥，原密钥停用。"
                        ).format(owner=exc.detail, sender=claim.sender_label),
                    )  # fmt: skip
                    if replace:
                        continue
                    return False
                text = self.tr("未能登记这把密钥（原因代码：{code}）。").format(code=exc.code)
                messages.error(self._window, self.tr("未登记"), text)
                return False
        messages.information(
            self._window,
            self.tr("已登记"),
            self.tr(
                "指纹与登记卡一致，已登记{sender}的密钥（指纹 {fingerprint}）。"
                "现在可以导入该单位的文件。"
            ).format(sender=claim.sender_label, fingerprint=outcome.key.fingerprint),
        )
        return True

    # --- 导入交换文件 ----------------------------------------------------------------------
    @Slot()
    def import_exchange(self, paths: list[Path] | None = None) -> None:
        store = self._window.store
        if store is None or self._queue:
            return
        chosen = ExchangeImportDialog.edit(
            self._window, store.path, paths or None, self.key_confirmation
        )
        if not chosen:
            return
        self._queue, self._results, self._total = list(chosen), [], len(chosen)
        self._backed_up = False  # one backup copy per batch, before its first merge
        self._window.menu_actions.import_exchange.setEnabled(False)
        self._apply_next()

    def _apply_next(self) -> None:
        store = self._window.store
        if not self._queue or store is None:
            self._finish_import()
            return
        path = self._queue[0]
        self._window.statusBar().showMessage(
            self.tr("正在导入交换文件（{current}/{total}）：{name}").format(
                current=self._total - len(self._queue) + 1, total=self._total, name=path.name
            )
        )
        run_in_pool(
            self._on_applied,
            self._on_apply_failed,
            apply_file,
            store.path,
            path,
            not self._backed_up,
        )

    @Slot(object)
    def _on_applied(self, preview: FilePreview) -> None:
        self._backed_up = self._backed_up or preview.outcome.merged
        self._results.append(FileRow.of(preview))
        self._queue.pop(0)
        self._apply_next()

    @Slot(object)
    def _on_apply_failed(self, error: Exception) -> None:
        path = self._queue.pop(0)
        reason = str(error) or type(error).__name__
        self._results.append(FileRow(path, FileState.FAILED, error=reason))
        self._apply_next()

    def _finish_import(self) -> None:
        results, self._results = self._results, []
        self._queue = []
        self._window.menu_actions.import_exchange.setEnabled(True)
        store = self._window.store
        if store is not None:  # the office's 单位名录 may have given this PC's unit a new name
            self._window.set_installation(store.installation())
        self._window.reload()
        new = sum(
            r.preview.outcome.report.new_revisions
            for r in results
            if r.state is FileState.IMPORTED and r.preview and r.preview.outcome.report
        )
        self._window.statusBar().showMessage(
            self.tr("导入完成：{files} 个文件，新记录 {new} 条。").format(
                files=len(results), new=new
            ),
            10_000,
        )
        self.import_finished.emit(results)
        ExchangeImportDialog.show_results(self._window, results)

    # --- 导入日志 --------------------------------------------------------------------------
    @Slot()
    def show_import_log(self) -> None:
        store = self._window.store
        if store is None:
            return
        unit_names = {u.unit_id: u.unit_name for p in store.plan_views() for u in p.units()}
        ImportLogDialog.show_log(self._window, store.import_log(), unit_names)
