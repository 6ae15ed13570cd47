"""Window layer: the self-test's window check, run in a child process (``selftest.window``).

Opens the real main window offscreen on the self-test's database, with the shipped fonts
and a throw-away settings file (the clerk's own window settings are never touched), checks
that the plan shows, draws it once to a PNG, and loads the Qt modules the bundle carries
for printing and PDF preview. Prints one line; the exit code is the verdict.
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QCollator, QLocale, QSettings, QStringConverter, QStringDecoder
from PySide6.QtGui import QFontDatabase, QGuiApplication, QImageReader

from models.store import Store
from ui.app import make_application
from ui.fonts import SHIPPED_UI_FAMILIES, register_fonts
from ui.main_window import MainWindow

#: Qt modules the bundle must carry beyond QtWidgets (print dialog, PDF preview).
EXTRA_QT_MODULES = ("QtPrintSupport", "QtPdf", "QtPdfWidgets")


class WindowCheckFailed(Exception):
    """What the window check found wrong, in Chinese."""


def check_window(db_path: Path, folder: Path) -> str:
    app = make_application([sys.argv[0]])
    shipped = register_fonts()
    if not any(f in QFontDatabase.families() for f in SHIPPED_UI_FAMILIES):
        raise WindowCheckFailed(f"内置界面字体未能注册（找到：{shipped}）")
    settings = QSettings(str(folder / "窗口设置.ini"), QSettings.Format.IniFormat)
    store = Store.open(db_path)
    window = MainWindow(settings)
    try:
        window.set_store(store)
        window.show()
        app.processEvents()
        shown = window.proxy.visible_task_count()
        if shown == 0:
            raise WindowCheckFailed("主窗口没有显示任何任务")
        image = window.grab()
        shot = folder / "主窗口.png"
        if image.isNull() or not image.save(str(shot)):
            raise WindowCheckFailed("主窗口未能绘制")
        modules = _load_extra_modules()
        _check_chinese_text_handling()
        _check_image_formats()
        platform = QGuiApplication.platformName()
        size = f"{image.width()}×{image.height()}"
        return f"{platform} 平台，显示 {shown} 项任务，{shot.name} {size}，{modules}"
    finally:
        window.close()
        store.close()


#: Sorted by pinyin (a, bei, hei, sheng cai, sheng gong, zhong): Qt's ICU collation.
PINYIN_ORDER = ("阿里", "北京", "黑龙江", "省财政厅", "省公安厅", "中国")
#: Code pages of Chinese files that Qt reads through ICU's converters.
CHINESE_CODECS = ("GB18030", "GBK", "Big5")


def _check_chinese_text_handling() -> None:
    """The ICU data the bundle carries (trimmed to Chinese and English) still sorts by
    pinyin and knows the Chinese code pages."""
    collator = QCollator(QLocale(QLocale.Language.Chinese, QLocale.Country.China))
    if tuple(sorted(reversed(PINYIN_ORDER), key=collator.sortKey)) != PINYIN_ORDER:
        raise WindowCheckFailed("中文排序（按拼音）不可用：ICU 数据不完整")
    missing = [c for c in CHINESE_CODECS if not QStringDecoder(c).isValid()]
    if missing or "GB18030" not in QStringConverter.availableCodecs():
        raise WindowCheckFailed(f"缺少中文编码：{'、'.join(missing)}")


#: Image formats the window must read: 佐证材料 photos and scans (JPEG, PNG).
IMAGE_FORMATS = (b"jpeg", b"png")


def _check_image_formats() -> None:
    """The bundle leaves out Qt's readers of formats no attachment has (TIFF, WebP …)."""
    have = {bytes(f.data()) for f in QImageReader.supportedImageFormats()}
    missing = [f.decode() for f in IMAGE_FORMATS if f not in have]
    if missing:
        raise WindowCheckFailed(f"不能显示 {'、'.join(missing)} 图片")


def _load_extra_modules() -> str:
    import importlib

    for name in EXTRA_QT_MODULES:
        try:
            importlib.import_module(f"PySide6.{name}")
        except ImportError as exc:
            raise WindowCheckFailed(f"缺少 Qt 模块 {name}：{exc}") from None
    return "、".join(EXTRA_QT_MODULES) + " 可用"
