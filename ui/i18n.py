"""Window layer: install Qt's and Duban's translation catalogues for the chosen language.

Source strings are Simplified Chinese, so Chinese needs no Duban catalogue (only Qt's own
``qtbase_zh_CN`` for standard buttons such as 确定/取消); English comes from
``resources/translations/duban_en.qm`` built by ``scripts/build_translations.py``.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from runtime.resources import resource_path

log = logging.getLogger(__name__)

APP_CATALOGUE = "duban"


def _qt_catalogue_dir() -> str:
    return QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)


def install_translators(app: QCoreApplication, language: str) -> list[QTranslator]:
    """Remove translators installed before, then install Qt's and Duban's for ``language``.

    Translators are children of the application, so they live exactly as long as it does.
    """
    for old in app.findChildren(QTranslator):
        app.removeTranslator(old)
        old.deleteLater()
    QLocale.setDefault(QLocale(language))
    installed: list[QTranslator] = []
    catalogues = [("qtbase_" + language, _qt_catalogue_dir())]
    if language != "zh_CN":
        catalogues.append((f"{APP_CATALOGUE}_{language}", str(resource_path("translations"))))
    for name, folder in catalogues:
        translator = QTranslator(app)
        if translator.load(name, folder):
            app.installTranslator(translator)
            installed.append(translator)
        else:
            # Qt has no catalogue for some languages; a missing Duban one is a build slip.
            level = logging.WARNING if name.startswith(APP_CATALOGUE) else logging.INFO
            log.log(level, "no translation catalogue %s in %s", name, folder)
            translator.deleteLater()
    return installed
