"""Build script (tooling, not shipped code): refresh and compile the window's translations.

Source strings in ``ui/`` are Simplified Chinese; English lives in the committed Qt Linguist
source ``resources/translations/duban_en.ts``. The compiled ``duban_en.qm`` is built, not
committed (``.gitignore``)::

    python scripts/build_translations.py                 # lupdate (refresh .ts) + lrelease
    python scripts/build_translations.py --release-only  # only build .qm (CI, packaging)
    python scripts/build_translations.py --check         # fail if a string lacks English

Translate new strings with ``pyside6-linguist resources/translations/duban_en.ts``.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SOURCES = REPO / "ui"
TRANSLATIONS = REPO / "resources" / "translations"
LANGUAGES = ("en",)


def _tool(name: str) -> str:
    """``pyside6-<name>`` from PATH or the venv, else the binary inside the PySide6 wheel."""
    found = shutil.which(f"pyside6-{name}") or shutil.which(
        f"pyside6-{name}", path=str(Path(sys.executable).parent)
    )
    if found:
        return found
    import PySide6

    suffix = ".exe" if sys.platform == "win32" else ""
    bundled = Path(PySide6.__file__).parent / f"{name}{suffix}"
    if bundled.exists():
        return str(bundled)
    raise SystemExit(f"cannot find pyside6-{name}; install requirements-dev.txt")


def ts_path(language: str) -> Path:
    return TRANSLATIONS / f"duban_{language}.ts"


def update(language: str, ts: Path | None = None) -> Path:
    """Refresh the .ts from the sources (new strings appear as unfinished)."""
    ts = ts or ts_path(language)
    sources = sorted(str(p) for p in SOURCES.rglob("*.py"))
    subprocess.run(
        [
            _tool("lupdate"),
            "-silent",
            "-no-obsolete",
            "-locations",
            "none",
            "-source-language",
            "zh_CN",
            "-target-language",
            language,
            *sources,
            "-ts",
            str(ts),
        ],
        check=True,
    )
    return ts


def release(language: str = "en", out_dir: Path | None = None) -> Path:
    """Compile the .ts into a .qm (by default beside it); return the .qm path."""
    out_dir = out_dir or TRANSLATIONS
    qm = out_dir / f"duban_{language}.qm"
    subprocess.run(
        [_tool("lrelease"), "-silent", str(ts_path(language)), "-qm", str(qm)], check=True
    )
    return qm


def unfinished(language: str) -> list[str]:
    """Source strings of the sources that have no finished translation."""
    with tempfile.TemporaryDirectory() as tmp:
        copy = Path(tmp) / ts_path(language).name
        shutil.copy(ts_path(language), copy)
        update(language, copy)
        root = ET.parse(copy).getroot()
    missing = []
    for message in root.iter("message"):
        translation = message.find("translation")
        if translation is None or translation.get("type") in ("unfinished", "vanished"):
            missing.append(message.findtext("source") or "")
    return missing


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    group = parser.add_mutually_exclusive_group()
    group.add_argument("--release-only", action="store_true", help="only build the .qm files")
    group.add_argument("--check", action="store_true", help="list strings without a translation")
    args = parser.parse_args(argv)
    status = 0
    for language in LANGUAGES:
        if args.check:
            missing = unfinished(language)
            for source in missing:
                print(f"{language}: untranslated: {source}")
            status |= bool(missing)
            continue
        if not args.release_only:
            print(f"updated {update(language).relative_to(REPO)}")
        print(f"built {release(language).relative_to(REPO)}")
    return status


if __name__ == "__main__":
    raise SystemExit(main())
