"""Window layer: render the main window offscreen to a PNG (``python main.py screenshot``)."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QAbstractItemView, QApplication

SCREENSHOT_SIZE = (1280, 800)


def take_screenshot(
    db_path: Path, out: Path, select_task: int | None, language: str = "zh_CN"
) -> None:
    """Open ``db_path``, select task number ``select_task`` and save the window as ``out``.

    Uses the offscreen platform unless ``QT_QPA_PLATFORM`` says otherwise (e.g. ``xcb``
    under Xvfb). The clerk's own settings are neither read nor written. Raises
    ``ValueError`` when the task number is not in the default plan, ``StoreError`` when
    the database cannot be opened, ``OSError`` when the PNG cannot be written.
    """
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from models.store import Store
    from ui.app import make_application
    from ui.i18n import install_translators
    from ui.main_window import MainWindow

    app = make_application([])
    install_translators(app, language)
    store = Store.open(db_path)
    with tempfile.TemporaryDirectory(prefix="duban-shot-") as tmp:
        settings = QSettings(str(Path(tmp) / "settings.ini"), QSettings.Format.IniFormat)
        window = MainWindow(settings)
        try:
            window.set_store(store)
            window.resize(*SCREENSHOT_SIZE)
            if select_task is not None and not window.select_task_number(select_task):
                raise ValueError(f"no task {select_task} in the plan")
            window.show()
            for _ in range(3):
                QApplication.processEvents()
            window.tree.scrollTo(
                window.tree.currentIndex(), QAbstractItemView.ScrollHint.PositionAtCenter
            )
            QApplication.processEvents()
            out.parent.mkdir(parents=True, exist_ok=True)
            if not window.grab().save(str(out), "PNG"):
                raise OSError(f"cannot write {out}")
        finally:
            window.close()
            window.deleteLater()
            store.close()
            QApplication.processEvents()
