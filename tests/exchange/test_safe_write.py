"""safe_write: exports land complete under their final name or not at all; errors have codes."""

from __future__ import annotations

import errno
import os
import sqlite3
import sys
from contextlib import closing
from pathlib import Path

import pytest

from exchange import safe_write
from exchange.errors import ExportWriteError, RejectCode, RejectedFile, WriteCode
from exchange.safe_write import safe_file_stem, unique_export_name, write_export_atomically
from tests.exchange import exchange_samples as s

NAME = "督办 导出 单位甲 2024-05-01.duban"


@pytest.fixture
def target(tmp_path: Path) -> Path:
    folder = tmp_path / "测试 目录"
    folder.mkdir()
    return folder


def _write(data: bytes, folder: Path, name: str = NAME) -> Path:
    return write_export_atomically(data, folder, name, verify=s.verify_sample_path)


def _listing(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


def test_export_lands_under_its_final_name(valid_bytes: bytes, target: Path) -> None:
    final = _write(valid_bytes, target)
    assert final == target / NAME
    assert final.read_bytes() == valid_bytes
    assert _listing(target) == [NAME]
    s.read_sample(final)


def test_export_built_with_vacuum_into(valid_bytes: bytes, target: Path, tmp_path: Path) -> None:
    live = tmp_path / "live.db"
    live.write_bytes(valid_bytes)

    def build(path: Path) -> None:
        with closing(sqlite3.connect(live)) as conn:
            conn.execute("VACUUM INTO ?", (str(path),))

    final = write_export_atomically(build, target, NAME, verify=s.verify_sample_path)
    assert s.read_sample(final) == s.read_sample(valid_bytes)


def test_never_overwrites(valid_bytes: bytes, target: Path) -> None:
    (target / NAME).write_bytes(b"older export")
    with pytest.raises(ExportWriteError) as caught:
        _write(valid_bytes, target)
    assert caught.value.code == WriteCode.EXISTS
    assert (target / NAME).read_bytes() == b"older export"
    assert _listing(target) == [NAME]


def test_stale_partial_from_a_killed_export_is_replaced(valid_bytes: bytes, target: Path) -> None:
    (target / (NAME + ".partial")).write_bytes(b"half an export")
    _write(valid_bytes, target)
    assert _listing(target) == [NAME]


def test_without_hard_links_falls_back_to_rename(
    valid_bytes: bytes, target: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def no_links(*args: object) -> None:  # like vfat/exFAT on Linux
        raise OSError(errno.EPERM, "Operation not permitted")

    monkeypatch.setattr(os, "link", no_links)
    _write(valid_bytes, target)
    assert _listing(target) == [NAME]


def test_unique_export_name(target: Path) -> None:
    assert unique_export_name(target, "单位甲 2024-05-01", "duban") == "单位甲 2024-05-01.duban"
    (target / "单位甲 2024-05-01.duban").write_bytes(b"")
    (target / "单位甲 2024-05-01-2.duban.partial").write_bytes(b"")
    assert unique_export_name(target, "单位甲 2024-05-01", ".duban") == "单位甲 2024-05-01-3.duban"


def test_safe_file_stem() -> None:
    assert safe_file_stem('单位/甲:乙*?"<>|\n 丙. ') == "单位_甲_乙_______ 丙"
    assert safe_file_stem("CON") == "_CON"
    assert safe_file_stem("...") == "_"
    long = safe_file_stem("督" * 100)
    assert len(long.encode()) <= 150 and long == "督" * 50


@pytest.mark.parametrize("name", ["", "a/b.duban", "a\\b", "x.duban.partial", "x.", ".."])
def test_bad_final_names_are_bugs(valid_bytes: bytes, target: Path, name: str) -> None:
    with pytest.raises(ValueError):
        _write(valid_bytes, target, name)


def test_missing_folder(valid_bytes: bytes, tmp_path: Path) -> None:
    with pytest.raises(ExportWriteError) as caught:
        _write(valid_bytes, tmp_path / "gone")
    assert caught.value.code == WriteCode.MISSING_FOLDER


def test_verify_refusal_aborts_before_the_stick(valid_bytes: bytes, target: Path) -> None:
    with pytest.raises(ExportWriteError) as caught:
        _write(valid_bytes[:-1024], target)
    assert caught.value.code == WriteCode.VERIFY_FAILED
    assert isinstance(caught.value.__cause__, RejectedFile)
    assert caught.value.__cause__.code == RejectCode.TRUNCATED
    assert _listing(target) == []


class StickFault:
    """Make one OS call on the export's ``.partial`` file fail, as a full or pulled stick does.

    Only calls on that file count (tempfile and sqlite use the same ``os`` functions).
    A write before the failing one writes just 100 bytes, so the write loop must continue.
    """

    def __init__(self, patch: pytest.MonkeyPatch, function: str, call: int, err: int) -> None:
        self.function, self.call, self.err = function, call, err
        self.calls = 0
        self.fds: set[int] = set()
        self.real = {name: getattr(os, name) for name in ("open", "write", "fsync", "close")}
        patch.setattr(os, "open", self._open)
        for name in ("write", "fsync", "close"):
            patch.setattr(os, name, self._on_fd(name))
        patch.setattr(os, "link", self._link)

    def _count(self, function: str) -> None:
        if function == self.function:
            self.calls += 1
            if self.calls == self.call:
                raise OSError(self.err, os.strerror(self.err))

    def _open(self, path, flags, mode=0o777, **kwargs):  # type: ignore[no-untyped-def]
        if not str(path).endswith(".partial"):
            return self.real["open"](path, flags, mode, **kwargs)
        self._count("open")
        fd = self.real["open"](path, flags, mode, **kwargs)
        self.fds.add(fd)
        return fd

    def _on_fd(self, name: str):  # type: ignore[no-untyped-def]
        def call(fd, *args):  # type: ignore[no-untyped-def]
            if fd in self.fds:
                self._count(name)
                if name == "write" and self.calls < self.call:
                    return self.real["write"](fd, args[0][:100])
                if name == "close":
                    self.fds.discard(fd)
            return self.real[name](fd, *args)

        return call

    def _link(self, src, dst, **kwargs):  # type: ignore[no-untyped-def]
        self._count("link")
        raise OSError(errno.EPERM, "no hard links here")  # then os.replace is used


@pytest.mark.parametrize(
    ("function", "call", "err", "code"),
    [
        ("fsync", 1, errno.ENOSPC, WriteCode.DISK_FULL),
        ("fsync", 1, errno.EIO, WriteCode.IO_ERROR),
        ("write", 1, errno.ENOSPC, WriteCode.DISK_FULL),
        ("write", 2, errno.ENOSPC, WriteCode.DISK_FULL),
        ("write", 2, getattr(errno, "EDQUOT", errno.ENOSPC), WriteCode.DISK_FULL),
        ("open", 1, errno.EROFS, WriteCode.READ_ONLY),
        ("open", 1, errno.EACCES, WriteCode.READ_ONLY),
        ("open", 1, errno.ENOENT, WriteCode.MISSING_FOLDER),
        ("open", 1, errno.ENAMETOOLONG, WriteCode.BAD_NAME),
        ("close", 1, errno.EIO, WriteCode.IO_ERROR),
        pytest.param(
            "link",
            1,
            errno.EIO,
            WriteCode.IO_ERROR,
            marks=pytest.mark.skipif(os.name == "nt", reason="Windows renames without link"),
        ),
    ],
)
def test_injected_os_errors(
    valid_bytes: bytes,
    target: Path,
    monkeypatch: pytest.MonkeyPatch,
    function: str,
    call: int,
    err: int,
    code: str,
) -> None:
    with monkeypatch.context() as patch:
        fault = StickFault(patch, function, call, err)
        with pytest.raises(ExportWriteError) as caught:
            _write(valid_bytes, target)
    assert fault.calls >= call
    assert caught.value.code == code
    assert _listing(target) == []


def test_read_back_mismatch_removes_the_file(
    valid_bytes: bytes, target: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(safe_write, "_read_back_digest", lambda path, limit: "0" * 64)
    with pytest.raises(ExportWriteError) as caught:
        _write(valid_bytes, target)
    assert caught.value.code == WriteCode.READBACK_MISMATCH
    assert _listing(target) == []


@pytest.mark.skipif(
    sys.platform == "win32" or os.geteuid() == 0, reason="root and Windows ignore mode bits"
)
def test_read_only_folder(valid_bytes: bytes, target: Path) -> None:
    target.chmod(0o555)
    try:
        with pytest.raises(ExportWriteError) as caught:
            _write(valid_bytes, target)
    finally:
        target.chmod(0o755)
    assert caught.value.code == WriteCode.READ_ONLY
    assert _listing(target) == []
