"""Signing layer: the private key file of one installation, in the user data folder.

One file per installation id (``<installation id>.pem``), PKCS8 PEM, optionally encrypted
with a passphrase. Created once and never overwritten: a half-written file must never
replace a key that already signed files, so it is written as ``.partial``, fsynced, then
hard-linked (which fails rather than overwrite) to its name. On POSIX the folder is 0700
and the file 0600; on Windows the per-user profile folder already keeps other users out.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import errno
import os
import re
import sys
from pathlib import Path

from signing.keys import InstallationKey, KeyFileError

_INSTALLATION_ID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
_MAX_KEY_FILE = 16 * 1024
_POSIX = sys.platform != "win32"


def key_path(folder: Path, installation_id: str) -> Path:
    if not _INSTALLATION_ID.fullmatch(installation_id):
        raise ValueError(f"not an installation id: {installation_id!r}")  # our bug, not data
    return Path(folder) / f"{installation_id}.pem"


def load_key(
    folder: Path, installation_id: str, passphrase: str | None = None
) -> InstallationKey | None:
    """The installation's key, or None when it has no key file yet. Raises KeyFileError."""
    path = key_path(folder, installation_id)
    try:
        with open(path, "rb") as fh:
            data = fh.read(_MAX_KEY_FILE + 1)
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise KeyFileError("key_file_io", f"{path}: {exc.strerror}") from None
    if len(data) > _MAX_KEY_FILE:
        raise KeyFileError("bad_key_file", f"{path}: too large")
    return InstallationKey.from_pem(data, passphrase)


def create_key(
    folder: Path, installation_id: str, passphrase: str | None = None
) -> InstallationKey:
    """Generate and store a new key; refuses (``key_exists``) to replace an existing file."""
    path = key_path(folder, installation_id)
    key = InstallationKey.generate()
    try:
        _make_private_folder(path.parent)
        _write_new_file(path, key.to_pem(passphrase))
    except FileExistsError:
        raise KeyFileError("key_exists", str(path)) from None
    except OSError as exc:
        raise KeyFileError("key_file_io", f"{path}: {exc.strerror}") from None
    return key


def set_aside(folder: Path, installation_id: str, key_id: str) -> Path | None:
    """Rename a retired key's file so a new key can be made; the old one is kept, not
    deleted (files it signed may need checking later). Returns the new name, if any."""
    path = key_path(folder, installation_id)
    if not path.exists():
        return None
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"{installation_id}.retired-{key_id}-{stamp}.pem")
    try:
        os.replace(path, target)
    except OSError as exc:
        raise KeyFileError("key_file_io", f"{path}: {exc.strerror}") from None
    return target


def _make_private_folder(folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    if _POSIX:
        os.chmod(folder, 0o700)


def _write_new_file(path: Path, data: bytes) -> None:
    if path.exists():
        raise FileExistsError(path)
    partial = path.with_name(path.name + ".partial")
    flags = os.O_WRONLY | os.O_CREAT | os.O_TRUNC | getattr(os, "O_BINARY", 0)
    fd = os.open(partial, flags, 0o600)
    try:
        if _POSIX:
            os.fchmod(fd, 0o600)  # O_CREAT's mode does not apply to a stale .partial
        os.write(fd, data)
        os.fsync(fd)
    finally:
        os.close(fd)
    try:
        try:
            os.link(partial, path)  # atomic, and never overwrites
        except OSError as exc:
            if exc.errno == errno.EEXIST:
                raise FileExistsError(path) from None
            if path.exists():
                raise FileExistsError(path) from None
            os.rename(partial, path)  # no hard links here (FAT): rename is the fallback
    finally:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(partial)
    if _POSIX:
        dir_fd = os.open(path.parent, os.O_RDONLY)
        try:
            os.fsync(dir_fd)
        finally:
            os.close(dir_fd)
