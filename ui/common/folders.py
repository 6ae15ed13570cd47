"""Window layer: the folder each kind of file dialog starts in, remembered per purpose.

A clerk saves sheets to one folder and exchange files to a stick: each purpose keeps its
own last folder (this PC only: ``文件夹.ini`` in the per-user data folder, beside the
database, so ``DUBAN_DATA_DIR`` moves it too), and a folder that is gone (a stick pulled
out) falls back to Documents.
"""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path

from PySide6.QtCore import QSettings, QStandardPaths

from runtime.paths import user_data_dir

KEY_PREFIX = "folders/"
FILE_NAME = "文件夹.ini"


def _settings() -> QSettings:
    return QSettings(str(user_data_dir() / FILE_NAME), QSettings.Format.IniFormat)


class Purpose(StrEnum):
    SHEETS = "sheets"  # PDFs and Word documents (打印件)
    LEDGER = "ledger"  # the Excel 台账
    EXCHANGE_EXPORT = "exchange_export"  # the stick an export goes to
    EXCHANGE_IMPORT = "exchange_import"  # the stick imports come from
    PLAN = "plan"  # plan documents to import


def documents_folder() -> Path:
    found = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    path = Path(found) if found else Path.home()
    return path if path.is_dir() else Path.home()


def last_folder(purpose: Purpose) -> Path:
    """Where the dialog for ``purpose`` starts: the last folder used, if it still exists."""
    value = _settings().value(KEY_PREFIX + purpose.value, "")
    path = Path(str(value)) if value else None
    return path if path is not None and path.is_dir() else documents_folder()


def remember(purpose: Purpose, chosen: Path) -> None:
    """Remember the folder of ``chosen`` (a file or a folder) for the next dialog."""
    folder = chosen if chosen.is_dir() else chosen.parent
    settings = _settings()
    settings.setValue(KEY_PREFIX + purpose.value, str(folder))
    settings.sync()
