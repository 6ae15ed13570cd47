"""Window layer: looking at 佐证材料 without leaving the app.

PDFs open in the built-in viewer (Qt PDF: it runs no JavaScript and opens no embedded
file), images in an image window; a PDF flagged with active content is named to the clerk
first. Other kinds (Word, Excel, OFD, text) go to the system's program only after the clerk
confirms, as a copy whose extension is that of the kind detected from the bytes, so a file
never runs as a program whatever name it came with. Nothing is opened automatically.
"""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt, QUrl
from PySide6.QtGui import QDesktopServices, QImageReader, QPixmap
from PySide6.QtWidgets import QDialog, QLabel, QScrollArea, QVBoxLayout, QWidget

from domain.attachments import AttachmentFile, AttachmentKind, AttachmentRef
from ui.attachments import words
from ui.attachments.box import Entry
from ui.common import messages

if TYPE_CHECKING:
    from models.store import Store

_VIEW_DIR: Path | None = None


def view_dir() -> Path:
    """A private folder for the copies shown in this session."""
    global _VIEW_DIR
    if _VIEW_DIR is None:
        _VIEW_DIR = Path(tempfile.mkdtemp(prefix="duban-view-"))
    return _VIEW_DIR


def local_copy(store: Store, ref: AttachmentRef) -> Path:
    """The stored bytes as a file named by the clerk's stem and the detected kind."""
    folder = view_dir() / ref.sha256[:16]
    folder.mkdir(exist_ok=True)
    target = folder / ref.extract_name
    if not target.exists():
        store.extract_attachment(ref.sha256, target)
    return target


def open_with_system(path: Path) -> bool:
    """Hand a copy to the system's program (tests replace this)."""
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))


def show(parent: QWidget | None, store: Store, entry: Entry) -> QWidget | None:
    """Show one attachment (the window it opened, or None)."""
    ref = entry.ref
    if ref.risks:
        risks = QCoreApplication.translate("AttachmentViewer", "、").join(
            words.risk_text(r) for r in sorted(ref.risks)
        )
        if not messages.confirm(
            parent,
            QCoreApplication.translate("AttachmentViewer", "PDF 含有主动内容"),
            QCoreApplication.translate(
                "AttachmentViewer",
                "“{name}”{risks}。内置查看器不会运行脚本或打开嵌入的文件。"
                "请确认来源可靠。仍要查看吗？",
            ).format(name=ref.file_name, risks=risks),
        ):
            return None
    if isinstance(entry.choice, AttachmentFile):
        path = Path(entry.choice.path)
        if not ref.kind.viewable_inside:  # a local file keeps its name: copy it by kind
            target = view_dir() / f"local-{abs(hash(entry.choice.path))}"
            target.mkdir(exist_ok=True)
            copy = target / f"{Path(ref.file_name).stem}{ref.kind.extension}"
            copy.write_bytes(path.read_bytes())
            path = copy
    else:
        path = local_copy(store, ref)
    if ref.kind is AttachmentKind.PDF:
        from ui.printing.preview import PdfPreview

        preview = PdfPreview(path.read_bytes(), ref.file_name, ref.extract_name, parent)
        preview.setWindowTitle(
            QCoreApplication.translate("AttachmentViewer", "佐证材料 — {name}").format(
                name=ref.file_name
            )
        )
        preview.show()
        return preview
    if ref.kind in (AttachmentKind.JPEG, AttachmentKind.PNG):
        viewer = ImageViewer(path, ref.file_name, parent)
        viewer.show()
        return viewer
    if messages.confirm(
        parent,
        QCoreApplication.translate("AttachmentViewer", "用系统程序打开"),
        QCoreApplication.translate(
            "AttachmentViewer",
            "“{name}”（{kind}）将用本机的默认程序打开。督办不检查其中的内容，"
            "请确认来源可靠。要打开吗？",
        ).format(name=ref.file_name, kind=words.kind_text(ref.kind)),
    ):
        open_with_system(path)
    return None


class ImageViewer(QDialog):
    """A photo or scan, scaled to fit, scrollable at full size."""

    def __init__(self, path: Path, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("image_viewer")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setWindowTitle(self.tr("佐证材料 — {name}").format(name=title))
        reader = QImageReader(str(path))
        reader.setAutoTransform(True)  # phone photos carry their rotation in EXIF
        self.image = reader.read()
        self.label = QLabel(self)
        self.label.setObjectName("image_label")
        self.label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        if self.image.isNull():
            self.label.setText(
                self.tr("无法显示这张图片：{reason}").format(reason=reader.errorString())
            )
        else:
            self.label.setPixmap(QPixmap.fromImage(self.image))
        scroll = QScrollArea(self)
        scroll.setWidget(self.label)
        scroll.setWidgetResizable(True)
        layout = QVBoxLayout(self)
        layout.addWidget(scroll)
        self.resize(900, 700)
