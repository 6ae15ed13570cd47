"""Exchange layer: write an export to a target folder (a USB stick) so that any file under its
final name is complete and checked.

Sequence (``../shared/EXCHANGE.md``, "How to write one to a stick"): build or copy into a
local temporary file, check it with the importer's own reader, write ``NAME.partial`` in the
target folder, fsync it, rename it to ``NAME`` without overwriting anything (then fsync the
folder on POSIX), read it back and compare SHA-256. Only then may the user remove the stick.
"""

from __future__ import annotations

import errno
import hashlib
import os
import re
import tempfile
from collections.abc import Callable
from pathlib import Path

from exchange.errors import ExportWriteError, RejectedFile, WriteCode

PARTIAL_SUFFIX = ".partial"
_CHUNK = 1 << 20
_FORBIDDEN = re.compile(r'[<>:"/\\|?*\x00-\x1f\x7f]')  # invalid on FAT/exFAT/NTFS or POSIX
_RESERVED = {"CON", "PRN", "AUX", "NUL"} | {f"{p}{n}" for p in ("COM", "LPT") for n in range(10)}
_NO_HARD_LINKS = {errno.EPERM, errno.ENOTSUP, errno.EOPNOTSUPP, errno.EXDEV, errno.EMLINK}
_NO_HARD_LINKS.add(errno.ENOSYS)
_CODES = {
    errno.ENOSPC: WriteCode.DISK_FULL,
    getattr(errno, "EDQUOT", errno.ENOSPC): WriteCode.DISK_FULL,
    errno.EROFS: WriteCode.READ_ONLY,
    errno.EACCES: WriteCode.READ_ONLY,
    errno.EPERM: WriteCode.READ_ONLY,
    errno.ENOENT: WriteCode.MISSING_FOLDER,
    errno.ENOTDIR: WriteCode.MISSING_FOLDER,
    errno.EEXIST: WriteCode.EXISTS,
    errno.ENAMETOOLONG: WriteCode.BAD_NAME,
    errno.EINVAL: WriteCode.BAD_NAME,  # Windows: characters the file system refuses
    errno.EILSEQ: WriteCode.BAD_NAME,
}


def safe_file_stem(text: str, *, max_bytes: int = 150) -> str:
    """A file-name stem valid on FAT/exFAT/NTFS and POSIX, made from free text (a unit name).

    Forbidden characters become ``_``; whitespace runs become one space; the result fits in
    ``max_bytes`` of UTF-8 (ext4 counts bytes: 150 leaves room for ``-N.ext.partial``).
    """
    stem = " ".join(_FORBIDDEN.sub("_", text).split()).strip(" .")
    while len(stem.encode("utf-8")) > max_bytes:
        stem = stem[:-1]
    stem = stem.rstrip(" .")
    if not stem or stem.split(".")[0].upper() in _RESERVED:
        stem = f"_{stem}"
    return stem


def unique_export_name(target_dir: Path, stem: str, ext: str) -> str:
    """``stem + ext``, or ``stem-2 + ext``, ``stem-3 + ext`` … whichever is free in the folder.

    A name counts as taken when the file or its ``.partial`` exists (another export may be
    writing it). Raises ``ExportWriteError`` (``exists`` after 999 tries; I/O codes).
    """
    ext = ext if not ext or ext.startswith(".") else f".{ext}"
    for n in range(1, 1000):
        name = f"{stem}{ext}" if n == 1 else f"{stem}-{n}{ext}"
        try:
            taken = _lexists(target_dir / name) or _lexists(target_dir / (name + PARTIAL_SUFFIX))
        except OSError as exc:
            raise _write_error(exc, "checking names in the target folder") from exc
        if not taken:
            return name
    raise ExportWriteError(WriteCode.EXISTS, f"{stem}{ext}: no free name")


def write_export_atomically(
    source: Callable[[Path], None] | bytes,
    target_dir: Path,
    final_name: str,
    *,
    verify: Callable[[Path], None],
    local_tmp_dir: Path | None = None,
) -> Path:
    """Write an export as ``target_dir / final_name``; return that path once read back intact.

    ``source`` is either the file's bytes or ``build(path)``, which creates the file at a
    local temporary ``path`` that does not exist yet (e.g. with ``VACUUM INTO``).
    ``verify(path)`` is the importer's reader: a ``RejectedFile`` from it aborts the export.
    Never overwrites: an existing ``final_name`` raises ``exists`` (see ``unique_export_name``).
    Raises ``ExportWriteError`` for OS errors (codes in ``WriteCode``); after any failure we
    leave no file under ``final_name`` and remove our ``.partial`` (as far as the medium still
    allows). ``final_name`` must be a plain file name (``ValueError`` otherwise).
    """
    _check_name(final_name)
    target_dir = Path(target_dir)
    with tempfile.TemporaryDirectory(prefix="duban-export-", dir=local_tmp_dir) as tmp:
        local = Path(tmp) / "export.tmp"
        try:
            if callable(source):
                source(local)
            else:
                local.write_bytes(source)
        except OSError as exc:
            raise _write_error(exc, "building the local temporary file") from exc
        try:
            verify(local)
        except RejectedFile as exc:
            raise ExportWriteError(WriteCode.VERIFY_FAILED, f"{exc.code}: {exc.detail}") from exc
        # Copied piece by piece: a file carrying attachments is never held in memory.
        return _write_to_target(local, target_dir, final_name)


def _write_to_target(local: Path, target_dir: Path, final_name: str) -> Path:
    final = target_dir / final_name
    partial = target_dir / (final_name + PARTIAL_SUFFIX)
    if not target_dir.is_dir():
        raise ExportWriteError(WriteCode.MISSING_FOLDER, str(target_dir))
    ours: Path | None = None  # the file we must remove if anything goes wrong
    try:
        if _lexists(final):
            raise ExportWriteError(WriteCode.EXISTS, final_name)
        ours = partial
        digest, size = _write_synced(partial, local)
        _rename_no_overwrite(partial, final)
        ours = final
        _fsync_dir(target_dir)
        if _read_back_digest(final, size + 1) != digest:
            raise ExportWriteError(WriteCode.READBACK_MISMATCH, f"{final_name}: bytes differ")
    except BaseException as exc:
        if ours is not None:
            _remove_quietly(ours)
        if isinstance(exc, OSError):
            raise _write_error(exc, f"writing {final_name}") from exc
        raise
    return final


def _check_name(name: str) -> None:
    if (
        not name
        or name in (".", "..")
        or _FORBIDDEN.search(name)
        or name != name.rstrip(" .")
        or name.lower().endswith(PARTIAL_SUFFIX)
    ):
        raise ValueError(f"not a plain export file name: {name!r}")


def _lexists(path: Path) -> bool:
    """Like ``os.path.lexists`` but lets I/O errors other than 'not found' through."""
    try:
        os.lstat(path)
    except (FileNotFoundError, NotADirectoryError):
        return False
    return True


def _write_synced(path: Path, source: Path) -> tuple[str, int]:
    """Copy ``source`` to a new ``path`` with plain ``os`` calls, then fsync it; return the
    SHA-256 and size of the bytes copied (to compare with what the medium gives back)."""
    flags = os.O_WRONLY | os.O_CREAT | os.O_TRUNC
    flags |= getattr(os, "O_BINARY", 0) | getattr(os, "O_CLOEXEC", 0)  # O_BINARY: Windows
    digest = hashlib.sha256()
    size = 0
    fd = os.open(path, flags, 0o644)
    try:
        with open(source, "rb") as src:
            while piece := src.read(_CHUNK):
                digest.update(piece)
                size += len(piece)
                view = memoryview(piece)
                while view:
                    written = os.write(fd, view)
                    if written <= 0:
                        raise OSError(errno.EIO, "write made no progress")
                    view = view[written:]
        os.fsync(fd)
    finally:
        os.close(fd)
    return digest.hexdigest(), size


def _rename_no_overwrite(src: Path, dst: Path) -> None:
    """Atomically give ``src`` the name ``dst``; ``FileExistsError`` if ``dst`` exists."""
    if os.name == "nt":
        os.rename(src, dst)  # Windows refuses an existing target
        return
    try:
        os.link(src, dst)  # POSIX: atomic and refuses an existing target
    except FileExistsError:
        raise
    except OSError as exc:
        if exc.errno not in _NO_HARD_LINKS:
            raise
        # FAT/exFAT have no hard links: check, then rename (a race only with another writer).
        if _lexists(dst):
            raise FileExistsError(errno.EEXIST, "file exists", str(dst)) from exc
        os.replace(src, dst)
        return
    _remove_quietly(src)  # the export is complete under dst; a stray .partial is ignored


def _fsync_dir(directory: Path) -> None:
    """Make the rename durable (POSIX); Windows cannot open folders for fsync."""
    if os.name == "nt":
        return
    fd = os.open(directory, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    try:
        os.fsync(fd)
    except OSError as exc:
        if exc.errno not in (errno.EINVAL, errno.ENOTSUP, errno.EOPNOTSUPP):
            raise  # some file systems cannot fsync a folder; that alone is no failure
    finally:
        os.close(fd)


def _read_back_digest(path: Path, limit: int) -> str:
    """SHA-256 of what the medium gives back (at most ``limit`` bytes), piece by piece."""
    digest = hashlib.sha256()
    with open(path, "rb") as f:
        while limit > 0 and (piece := f.read(min(_CHUNK, limit))):
            digest.update(piece)
            limit -= len(piece)
    return digest.hexdigest()


def _remove_quietly(path: Path) -> None:
    try:
        os.unlink(path)
    except OSError:
        pass  # the medium may be gone; nothing more we can do


def _write_error(exc: OSError, where: str) -> ExportWriteError:
    code = _CODES.get(exc.errno or 0, WriteCode.IO_ERROR)
    name = errno.errorcode.get(exc.errno or 0, "?")
    return ExportWriteError(code, f"{where}: {exc.strerror or exc} [{name}]")
