"""Window layer: install Qt's and Duban's translation catalogues for the chosen language.

Source strings are Simplified Chinese, so Chinese needs no Duban catalogue (only Qt's own
``qtbase_zh_CN`` for standard buttons such as 确定/取消); English comes from
``resources/translations/duban_en.qm``: the bundle ships it (``scripts/build_translations.py``
builds it first); a source checkout compiles it from the committed ``.ts`` when it is missing
or older than the ``.ts``, with the ``lrelease`` inside the PySide6 wheel, so 视图 → 界面语言
→ English works with no build step.
"""

from __future__ import annotations

import logging
import os
import sys
from pathlib import Path

import PySide6
import shiboken6
from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from runtime.paths import user_data_dir
from runtime.resources import resource_path

log = logging.getLogger(__name__)

APP_CATALOGUE = "duban"
#: The translators installed here, removed again on a change of language. Kept here rather
#: than asked of the application: its first ``findChildren(QTranslator)`` costs about 4 ms
#: on the way to the window's first paint (bench/README.md).
_installed: list[QTranslator] = []
#: Seconds lrelease may take for one catalogue (it needs well under one).
LRELEASE_TIMEOUT = 60


def lrelease_path() -> Path | None:
    """The ``lrelease`` of the installed PySide6 wheel (None: not there)."""
    suffix = ".exe" if sys.platform == "win32" else ""
    path = Path(PySide6.__file__).parent / f"lrelease{suffix}"
    return path if path.is_file() else None


def _compile(ts: Path, qm: Path) -> bool:
    """Compile ``ts`` into ``qm`` (written beside, then renamed: never half a file)."""
    # Imported here: a checkout compiles once; every start of the window would pay them.
    import subprocess
    import tempfile

    tool = lrelease_path()
    if tool is None:
        return False
    try:
        qm.parent.mkdir(parents=True, exist_ok=True)
        fd, temp = tempfile.mkstemp(prefix=qm.stem, suffix=".qm.partial", dir=qm.parent)
        os.close(fd)
    except OSError:
        return False
    try:
        subprocess.run(
            [str(tool), "-silent", str(ts), "-qm", temp],
            check=True,
            capture_output=True,
            timeout=LRELEASE_TIMEOUT,
        )
        os.replace(temp, qm)
        return True
    except (OSError, subprocess.SubprocessError) as exc:
        log.warning("cannot compile %s into %s: %s", ts, qm, exc)
        return False
    finally:
        Path(temp).unlink(missing_ok=True)


def _current(qm: Path, ts: Path) -> bool:
    return qm.is_file() and qm.stat().st_mtime >= ts.stat().st_mtime


def catalogue_folder(language: str, folder: Path | None = None) -> Path:
    """Where ``duban_<language>.qm`` is (or is best looked for): ``folder`` (the shipped
    translations) when its catalogue is current; else compiled there from the ``.ts``, or,
    where that folder cannot be written, into the per-user data folder."""
    folder = folder or resource_path("translations")
    name = f"{APP_CATALOGUE}_{language}"
    ts, qm = folder / f"{name}.ts", folder / f"{name}.qm"
    if not ts.is_file() or _current(qm, ts):
        return folder  # the bundle (no .ts) or an up-to-date checkout
    if _compile(ts, qm):
        return folder
    cache = user_data_dir() / "translations"
    if _current(cache / qm.name, ts) or _compile(ts, cache / qm.name):
        return cache
    return folder


def _qt_catalogue_dir() -> str:
    return QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)


def install_translators(app: QCoreApplication, language: str) -> list[QTranslator]:
    """Remove translators installed before, then install Qt's and Duban's for ``language``.

    Translators are children of the application, so they live exactly as long as it does.
    """
    for old in _installed:
        if shiboken6.isValid(old):  # not gone with an application that ended
            app.removeTranslator(old)
            old.deleteLater()
    _installed.clear()
    QLocale.setDefault(QLocale(language))
    installed: list[QTranslator] = []
    catalogues = [("qtbase_" + language, _qt_catalogue_dir())]
    if language != "zh_CN":
        catalogues.append((f"{APP_CATALOGUE}_{language}", str(catalogue_folder(language))))
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
    _installed.extend(installed)
    return installed
