"""Window layer: the window's own preferences (QSettings): language, geometry, last selection.

Office data never lives here; only how the window looks. An INI file is used on every
platform so a clerk's settings can be read and reset by hand.
"""

from __future__ import annotations

from PySide6.QtCore import QSettings

ORGANIZATION = "Duban"
APPLICATION = "Duban"

KEY_LANGUAGE = "ui/language"
KEY_GEOMETRY = "main_window/geometry"
KEY_STATE = "main_window/state"
KEY_SPLITTER = "main_window/splitter"
KEY_TAB = "main_window/tab"
KEY_DETAIL_PANE = "main_window/detail_pane"
KEY_LAST_TASK = "main_window/last_task"
KEY_LAST_UNIT = "main_window/last_unit"
#: The office's server the window last connected to, as a URL without password ("": a file).
KEY_SERVER = "database/server"

DEFAULT_LANGUAGE = "zh_CN"
LANGUAGES = ("zh_CN", "en")


def app_settings() -> QSettings:
    """The per-user settings file of the window."""
    return QSettings(
        QSettings.Format.IniFormat, QSettings.Scope.UserScope, ORGANIZATION, APPLICATION
    )


def language(settings: QSettings) -> str:
    value = str(settings.value(KEY_LANGUAGE, DEFAULT_LANGUAGE))
    return value if value in LANGUAGES else DEFAULT_LANGUAGE


def remembered_server(settings: QSettings) -> str:
    return str(settings.value(KEY_SERVER, "") or "")


def remember_server(settings: QSettings, url: str) -> None:
    """The server's URL without any password (``ServerAddress.display()``), or "" for a file."""
    settings.setValue(KEY_SERVER, url)


def set_language(settings: QSettings, value: str) -> None:
    settings.setValue(KEY_LANGUAGE, value if value in LANGUAGES else DEFAULT_LANGUAGE)
