"""Window layer: 打印预览, a generated sheet shown page by page, printed or saved from there.

The PDF arrives as bytes (made on a pool thread, see ``ui.printing.commands``) and is read from
an in-memory buffer, so no temporary file is left behind. Printing renders each page with
Qt PDF into the printer's painter, on the whole sheet of paper (``fullPage``): the PDF
already carries the GB/T 9704 margins, and the printer must not add its own on top.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QPointF, QRectF, QSize, Qt, Signal, Slot
from PySide6.QtGui import (
    QAction,
    QCloseEvent,
    QKeySequence,
    QPageLayout,
    QPageSize,
    QPainter,
    QResizeEvent,
)
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QLabel, QMainWindow, QProgressDialog, QToolBar, QWidget

from ui.common import messages, save_dialogs
from ui.common.folders import Purpose, last_folder, remember
from ui.common.sizing import resize_within_screen

#: Pages are rendered at the printer's resolution, but at most this: 300 dpi is print
#: quality for 五号 text, and an A4 page at 1200 dpi would be a 550 MB image.
MAX_PRINT_DPI = 300
ZOOM_STEP = 1.25
ZOOM_RANGE = (0.25, 4.0)


class PdfPreview(QMainWindow):
    """A separate window on one generated PDF with 打印, 另存为 and zoom."""

    #: A copy was written (另存为).
    saved = Signal(Path)
    #: Pages sent to a printer.
    printed = Signal(int)

    def __init__(
        self,
        pdf: bytes,
        title: str,
        file_name: str,
        parent: QWidget | None = None,
        save_word: Callable[[Path], None] | None = None,
    ) -> None:
        """``save_word``: writes the same sheet as a Word document to a path (另存为 Word);
        without it the preview offers PDF only."""
        super().__init__(parent)
        self._save_word = save_word
        self.setObjectName("pdf_preview")
        self.setWindowFlag(Qt.WindowType.Window)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setWindowTitle(self.tr("打印预览 — {title}").format(title=title))
        self._pdf = bytes(pdf)
        self._title = title
        self._file_name = file_name
        self._buffer = QBuffer(self)
        self._buffer.setData(QByteArray(self._pdf))
        self._buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self.document = QPdfDocument(self)
        # A QBuffer is random access: the document is ready when load() returns.
        self.document.load(self._buffer)
        self._init_widgets()
        self._init_toolbar()
        self.view.pageNavigator().currentPageChanged.connect(self._update_page_label)
        self.view.zoomFactorChanged.connect(self._update_page_label)
        self._update_page_label()
        resize_within_screen(self, 900, 1000)

    # --- construction --------------------------------------------------------------------
    def _init_widgets(self) -> None:
        self.view = QPdfView(self)
        self.view.setObjectName("pdf_view")
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.view.setDocument(self.document)
        self.setCentralWidget(self.view)
        self.page_label = QLabel(self)
        self.page_label.setObjectName("page_label")
        self.page_label.setContentsMargins(8, 0, 8, 0)
        self.statusBar().addPermanentWidget(self.page_label)

    def _init_toolbar(self) -> None:
        bar = QToolBar(self.tr("预览"), self)
        bar.setObjectName("preview_toolbar")
        bar.setMovable(False)
        bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.addToolBar(bar)

        def add(text: str, name: str, shortcut: QKeySequence | None, slot: object) -> QAction:
            action = QAction(text, self)
            action.setObjectName(name)
            if shortcut is not None:
                action.setShortcut(shortcut)
            action.triggered.connect(slot)
            bar.addAction(action)
            return action

        self.print_action = add(
            self.tr("打印(&P)…"), "action_print", QKeySequence(QKeySequence.StandardKey.Print),
            self.print_pdf,
        )  # fmt: skip
        self.save_action = add(
            self.tr("另存为(&S)…"), "action_save_as", QKeySequence(QKeySequence.StandardKey.Save),
            self.save_as,
        )  # fmt: skip
        self.save_word_action = add(
            self.tr("另存为 Word(&W)…"), "action_save_word", None, self.save_as_word
        )
        self.save_word_action.setVisible(self._save_word is not None)
        bar.addSeparator()
        self.zoom_in_action = add(
            self.tr("放大"), "action_zoom_in", QKeySequence(QKeySequence.StandardKey.ZoomIn),
            self.zoom_in,
        )  # fmt: skip
        self.zoom_out_action = add(
            self.tr("缩小"), "action_zoom_out", QKeySequence(QKeySequence.StandardKey.ZoomOut),
            self.zoom_out,
        )  # fmt: skip
        self.fit_width_action = add(
            self.tr("适合宽度"), "action_fit_width", QKeySequence("Ctrl+0"), self.fit_width
        )
        self.fit_page_action = add(self.tr("整页"), "action_fit_page", None, self.fit_page)
        bar.addSeparator()
        add(
            self.tr("关闭"),
            "action_close",
            QKeySequence(QKeySequence.StandardKey.Close),
            self.close,
        )

    # --- what is shown -------------------------------------------------------------------
    @property
    def pdf_bytes(self) -> bytes:
        return self._pdf

    def page_count(self) -> int:
        return self.document.pageCount()

    @Slot()
    def _update_page_label(self) -> None:
        current = self.view.pageNavigator().currentPage() + 1 if self.page_count() else 0
        self.page_label.setText(
            self.tr("第 {page} 页，共 {count} 页　{zoom}%").format(
                page=current, count=self.page_count(), zoom=round(self._zoom() * 100)
            )
        )

    def _zoom(self) -> float:
        """The zoom shown: Qt reports the factor only in custom mode, so estimate otherwise."""
        if self.view.zoomMode() is QPdfView.ZoomMode.Custom or not self.page_count():
            return self.view.zoomFactor()
        page = self.document.pagePointSize(0)
        screen_dpi = self.logicalDpiX() or 96
        page_px = QSize(
            round(page.width() * screen_dpi / 72), round(page.height() * screen_dpi / 72)
        )
        viewport = self.view.viewport().size()
        width_ratio = viewport.width() / max(page_px.width(), 1)
        if self.view.zoomMode() is QPdfView.ZoomMode.FitToWidth:
            return width_ratio
        return min(width_ratio, viewport.height() / max(page_px.height(), 1))

    @Slot()
    def zoom_in(self) -> None:
        self._set_zoom(self._zoom() * ZOOM_STEP)

    @Slot()
    def zoom_out(self) -> None:
        self._set_zoom(self._zoom() / ZOOM_STEP)

    def _set_zoom(self, factor: float) -> None:
        self.view.setZoomMode(QPdfView.ZoomMode.Custom)
        self.view.setZoomFactor(min(max(factor, ZOOM_RANGE[0]), ZOOM_RANGE[1]))
        self._update_page_label()

    @Slot()
    def fit_width(self) -> None:
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self._update_page_label()

    @Slot()
    def fit_page(self) -> None:
        self.view.setZoomMode(QPdfView.ZoomMode.FitInView)
        self._update_page_label()

    # --- 另存为 ----------------------------------------------------------------------------
    @Slot()
    def save_as(self) -> None:
        path = messages.choose_save_pdf(self, last_folder(Purpose.SHEETS) / self._file_name)
        if path is not None:
            remember(Purpose.SHEETS, path)
            if self.save_to(path):
                save_dialogs.tell_saved(self, path)

    @Slot()
    def save_as_word(self) -> None:
        """The same sheet as an editable Word document (made by the print commands)."""
        if self._save_word is None:
            return
        path = save_dialogs.choose_save_path(self, Purpose.SHEETS, self._file_name, ".docx")
        if path is not None:
            self._save_word(path)

    def save_to(self, path: Path) -> bool:
        """Write the PDF to ``path`` (a ``.partial`` first, so no half file is left)."""
        partial = path.with_name(path.name + ".partial")
        try:
            partial.write_bytes(self._pdf)
            partial.replace(path)
        except OSError as exc:
            partial.unlink(missing_ok=True)
            messages.error(
                self,
                self.tr("未能保存"),
                self.tr("无法写入 {path}：{reason}").format(path=path, reason=exc.strerror or exc),
            )
            return False
        self.statusBar().showMessage(self.tr("已保存：{path}").format(path=path), 8000)
        self.saved.emit(path)
        return True

    # --- 打印 ------------------------------------------------------------------------------
    def make_printer(self) -> QPrinter:
        """A printer set up for this document: A4, its orientation, its title as job name."""
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName(self._title)
        printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
        if self.page_count():
            first = self.document.pagePointSize(0)
            landscape = first.width() > first.height()
            printer.setPageOrientation(
                QPageLayout.Orientation.Landscape if landscape else QPageLayout.Orientation.Portrait
            )
        return printer

    @Slot()
    def print_pdf(self) -> None:
        printer = self.make_printer()
        if messages.ask_printer(self, printer, self.page_count()):
            self.print_to(printer)

    def pages_to_print(self, printer: QPrinter) -> list[int]:
        """0-based page numbers the print dialog chose (all, a range, or the current page)."""
        count = self.page_count()
        if printer.printRange() is QPrinter.PrintRange.PageRange and printer.fromPage() > 0:
            first = max(printer.fromPage(), 1)
            last = min(printer.toPage() or count, count)
            return list(range(first - 1, last))
        if printer.printRange() is QPrinter.PrintRange.CurrentPage:
            return [self.view.pageNavigator().currentPage()]
        return list(range(count))

    def print_to(self, printer: QPrinter) -> int:
        """Render the chosen pages into ``printer``; return how many were printed."""
        pages = self.pages_to_print(printer)
        if not pages:
            return 0
        printer.setFullPage(True)
        painter = QPainter()
        if not painter.begin(printer):
            messages.error(self, self.tr("未能打印"), self.tr("无法打开打印机。"))
            return 0
        progress = QProgressDialog(self.tr("正在打印…"), self.tr("取消"), 0, len(pages), self)
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setMinimumDuration(500)
        done = 0
        try:
            for index, page in enumerate(pages):
                progress.setValue(index)
                if progress.wasCanceled():
                    printer.abort()
                    break
                if index:
                    printer.newPage()
                self._render_page(painter, printer, page)
                done += 1
        finally:
            painter.end()
            progress.close()
            progress.deleteLater()
        if done == len(pages):
            self.statusBar().showMessage(self.tr("已发送打印：{count} 页").format(count=done), 8000)
            self.printed.emit(done)
        return done

    def _render_page(self, painter: QPainter, printer: QPrinter, page: int) -> None:
        """Draw one page at its true size from the paper's corner (scaled down only if the
        paper is smaller), so the sheet's margins land where the PDF put them."""
        size_pt = self.document.pagePointSize(page)
        device_dpi = printer.resolution()
        dpi = min(device_dpi, MAX_PRINT_DPI)
        image = self.document.render(
            page, QSize(round(size_pt.width() * dpi / 72), round(size_pt.height() * dpi / 72))
        )
        target = QRectF(QPointF(0, 0), size_pt * (device_dpi / 72))
        paper = QRectF(painter.viewport())
        scale = min(1.0, paper.width() / target.width(), paper.height() / target.height())
        target.setSize(target.size() * scale)
        painter.fillRect(target, Qt.GlobalColor.white)  # PDF pages may render transparent
        painter.drawImage(target, image)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._update_page_label()  # fitted zoom changes with the window

    def closeEvent(self, event: QCloseEvent) -> None:
        # The document reads from the buffer until it is closed.
        self.document.close()
        super().closeEvent(event)


def default_folder() -> Path:
    """Where 另存为 starts: the clerk's Documents folder (home when there is none)."""
    from PySide6.QtCore import QStandardPaths

    found = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(found) if found and Path(found).is_dir() else Path.home()
