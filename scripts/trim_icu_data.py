"""Build tooling: a smaller ICU data library for the office bundle.

Qt links ICU, and PySide6 ships ICU's full data library (``libicudata.so.73``, 31 MB: every
locale, every legacy code page, time-zone names in 700 languages). Duban's window speaks
Chinese and English, and Qt asks ICU only for code pages, collation and time-zone names,
so the bundle carries a copy with only what those need (about 4.5 MB):

- the root, ``zh*`` and ``en*`` locale data of collation (pinyin sort order), time zones
  and the locales themselves; not the parts Qt never calls (``UNUSED_FOLDERS``);
- every non-locale item (normalisation, character properties, case, bidi,
  likely-subtags, time-zone rules, converter aliases) but character names;
- the Chinese legacy code pages (GB18030, GBK/CP936, Big5, EUC-CN/TW families), UTF and
  ASCII/Latin ones; the EBCDIC and other scripts' code pages are dropped.

ICU's data library is a "common data" package: a header, a table of contents sorted by
item name, then the items, each aligned to 16 bytes and self-contained. This script reads
the package out of the shared library's ``icudt<N>_dat`` symbol, keeps the wanted items in
their sorted order, writes a new package and links it into a shared library with the same
soname and symbol (``gcc``), so Qt's ``libicuuc`` loads it unchanged.

    python scripts/trim_icu_data.py SRC_LIBICUDATA OUT_DIR   # prints the new library's path
"""

from __future__ import annotations

import re
import shutil
import struct
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

#: A per-locale item: named by a language code (2–3 letters, optional subtags), e.g.
#: "zh_Hans_CN.res" or "coll/zh.res"; "root.res", "pool.res" and the rest are not.
LOCALE_ITEM = re.compile(r"^[a-z]{2,3}(_[A-Za-z0-9]+)*\.res$")
#: Locales kept.
KEEP_LOCALE = re.compile(r"^(zh|en)(_[A-Za-z0-9]+)*\.res$")
#: Code pages kept: the Chinese ones and the common Western ones.
KEEP_CONVERTER = re.compile(
    r"^(gb18030|ibm-1386_|ibm-1383_|ibm-5478_|windows-936|ibm-1388_|ibm-964_|"
    r"windows-950|ibm-950_|ibm-1373_|ibm-1375_|iso-8859_|ibm-5348_|ibm-1252_|"
    r"windows-1252|ibm-437_|us-ascii|icu-internal-25546)",
)


@dataclass(frozen=True, slots=True)
class Item:
    name: str  # without the package prefix, e.g. "coll/zh.res"
    data: bytes


def read_package(library: Path) -> tuple[bytes, str, list[Item]]:
    """(the package's header bytes, its prefix such as 'icudt73l', its items)."""
    blob = library.read_bytes()
    start = _symbol_offset(library)
    header_size = struct.unpack_from("<H", blob, start)[0]
    if blob[start + 2 : start + 4] != b"\xda\x27":
        raise SystemExit(f"{library}: not an ICU common data package")
    toc = start + header_size
    count = struct.unpack_from("<I", blob, toc)[0]
    entries = [struct.unpack_from("<II", blob, toc + 4 + 8 * i) for i in range(count)]
    symbol_size = _symbol_size(library)
    items, prefix = [], ""
    for i, (name_offset, data_offset) in enumerate(entries):
        end = blob.index(b"\0", toc + name_offset)
        full = blob[toc + name_offset : end].decode("ascii")
        prefix, _, name = full.partition("/")
        data_end = entries[i + 1][1] if i + 1 < count else symbol_size - header_size
        items.append(Item(name, blob[toc + data_offset : toc + data_end]))
    return blob[start:toc], prefix, items


#: Parts of ICU that Qt never calls. Qt 6 uses ICU for three things only — code pages
#: (ucnv_*), collation (ucol_*) and time-zone names (ucal_*), the only ICU functions its
#: libraries import (``readelf --dyn-syms``) — and does its own word breaking, locale
#: names and number formats from its own CLDR tables. So: no break iterators and their
#: dictionaries, no transliterators, no display names of currencies, languages, units or
#: regions, no spelled-out numbers, no character names.
UNUSED_FOLDERS = frozenset({"brkitr", "translit", "curr", "lang", "unit", "region", "rbnf"})
UNUSED_ITEMS = frozenset({"unames.icu"})


def keep(item: Item) -> bool:
    """Whether the bundle's data carries ``item`` (see the module docstring)."""
    folder, _, leaf = item.name.rpartition("/")
    if folder in UNUSED_FOLDERS or item.name in UNUSED_ITEMS:
        return False
    if leaf.endswith(".cnv"):
        return bool(KEEP_CONVERTER.match(leaf))
    if LOCALE_ITEM.match(leaf):
        return bool(KEEP_LOCALE.match(leaf))
    return True


def write_package(header: bytes, prefix: str, items: list[Item]) -> bytes:
    names = [f"{prefix}/{item.name}".encode("ascii") + b"\0" for item in items]
    toc_size = 4 + 8 * len(items)
    names_size = sum(len(n) for n in names)
    data_start = _align(toc_size + names_size)
    toc = bytearray(struct.pack("<I", len(items)))
    name_offset, data_offset = toc_size, data_start
    body = bytearray()
    for name, item in zip(names, items, strict=True):
        toc += struct.pack("<II", name_offset, data_offset)
        name_offset += len(name)
        padded = _align(len(item.data))
        body += item.data + b"\0" * (padded - len(item.data))
        data_offset += padded
    table = bytes(toc) + b"".join(names)
    return header + table + b"\0" * (data_start - len(table)) + bytes(body)


def link_library(package: bytes, symbol: str, soname: str, out_dir: Path) -> Path:
    """A shared library exporting ``symbol`` (16-byte aligned) holding ``package``."""
    if shutil.which("gcc") is None:
        raise SystemExit("trim_icu_data: gcc is needed to link the smaller ICU data library")
    out_dir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        dat = Path(tmp) / "icudata.dat"
        dat.write_bytes(package)
        asm = Path(tmp) / "icudata.S"
        asm.write_text(
            f".section .rodata\n.globl {symbol}\n.type {symbol}, @object\n.balign 16\n"
            f'{symbol}:\n.incbin "{dat}"\n.size {symbol}, . - {symbol}\n'
            '.section .note.GNU-stack,"",@progbits\n'
        )
        target = out_dir / soname
        subprocess.run(
            ["gcc", "-shared", "-nostdlib", f"-Wl,-soname,{soname}", "-o", str(target), str(asm)],
            check=True,
        )
    return target


def _align(n: int) -> int:
    return (n + 15) & ~15


def _symbol(library: Path) -> tuple[str, int, int]:
    """(name, file offset, size) of the ``icudt<N>_dat`` symbol."""
    out = subprocess.run(
        ["readelf", "-W", "--dyn-syms", str(library)], capture_output=True, text=True, check=True
    ).stdout
    for line in out.splitlines():
        parts = line.split()
        if len(parts) >= 8 and re.fullmatch(r"icudt\d+_dat", parts[7]):
            address, size = int(parts[1], 16), int(parts[2], 0)
            return parts[7], _file_offset(library, address), size
    raise SystemExit(f"{library}: no icudt*_dat symbol")


def _file_offset(library: Path, address: int) -> int:
    out = subprocess.run(
        ["readelf", "-W", "-l", str(library)], capture_output=True, text=True, check=True
    ).stdout
    for line in out.splitlines():
        parts = line.split()
        if parts[:1] == ["LOAD"]:
            offset, vaddr, filesz = int(parts[1], 16), int(parts[2], 16), int(parts[4], 16)
            if vaddr <= address < vaddr + filesz:
                return address - vaddr + offset
    raise SystemExit(f"{library}: symbol outside the loaded segments")


def _symbol_offset(library: Path) -> int:
    return _symbol(library)[1]


def _symbol_size(library: Path) -> int:
    return _symbol(library)[2]


def trim(library: Path, out_dir: Path) -> Path:
    header, prefix, items = read_package(library)
    kept = [item for item in items if keep(item)]
    symbol = _symbol(library)[0]
    target = link_library(write_package(header, prefix, kept), symbol, library.name, out_dir)
    before, after = library.stat().st_size, target.stat().st_size
    print(
        f"trim_icu_data: {len(kept)} of {len(items)} items kept, "
        f"{before / 2**20:.1f} MB -> {after / 2**20:.1f} MB",
        file=sys.stderr,
    )
    return target


if __name__ == "__main__":
    if len(sys.argv) != 3:
        raise SystemExit(__doc__)
    print(trim(Path(sys.argv[1]), Path(sys.argv[2])))
