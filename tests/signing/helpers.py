"""Helpers for the signing tests: database snapshots, hand-made format 1 and forged files."""

from __future__ import annotations

import dataclasses
import hashlib
import json
import shutil
import sqlite3
from contextlib import closing
from pathlib import Path

from domain.exchange_records import ExchangeBundle, ExportScope
from exchange import codec
from exchange.format import COLUMNS, RECORD_TABLES, RECORD_TABLES_V1
from exchange.safe_rows import canonical_digest, read_rows
from exchange.writer import write_bundle
from models.store import Store
from signing.keys import InstallationKey


def snapshot(store: Store) -> str:
    """The database file's bytes (WAL checkpointed by closing), and its backups' names."""
    store.close()
    wal = store.path.with_name(store.path.name + "-wal")
    data = store.path.read_bytes() + (wal.read_bytes() if wal.exists() else b"")
    backups = store.path.with_name(store.path.name + ".backups")
    names = sorted(p.name for p in backups.iterdir()) if backups.exists() else []
    return hashlib.sha256(data).hexdigest() + repr(names)


def bundle_of(store: Store, scope: ExportScope = ExportScope.UNIT) -> ExchangeBundle:
    return store.export_bundle(scope)


def write_signed(
    bundle: ExchangeBundle, path: Path, key: InstallationKey, signed_at: str | None = None
) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    write_bundle(bundle, path, signer=key, signed_at=signed_at)
    return path


def claiming(bundle: ExchangeBundle, other: ExchangeBundle) -> ExchangeBundle:
    """``bundle`` with its manifest's sender swapped for ``other``'s (a forgery)."""
    manifest = dataclasses.replace(bundle.manifest, sender=other.manifest.sender)
    return dataclasses.replace(bundle, manifest=manifest)


def as_format_1(source: Path, target: Path) -> Path:
    """The file an older Duban would have written: no signature table, user_version 1."""
    shutil.copy(source, target)
    with closing(sqlite3.connect(target, isolation_level=None)) as conn:
        conn.execute("DROP TABLE signature")
        for table in set(RECORD_TABLES) - set(RECORD_TABLES_V1):
            conn.execute(f"DROP TABLE {table}")  # format 1 had none of the later tables
        conn.execute("DROP TABLE attachment_chunks")  # format 4's bytes
        conn.execute("UPDATE manifest SET value = '1' WHERE key = 'format_version'")
        conn.execute("DELETE FROM manifest WHERE key = 'records_sha256'")
        counts = {t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
                  for t in RECORD_TABLES_V1}  # fmt: skip
        conn.execute(
            "UPDATE manifest SET value = ? WHERE key = 'counts'",
            (json.dumps(counts, sort_keys=True),),
        )
        stored = {
            t: read_rows(conn, t, codec.columns(t), types=COLUMNS[t])
            for t in ("manifest", *RECORD_TABLES_V1)
        }
        conn.execute(
            "INSERT INTO manifest (key, value) VALUES ('records_sha256', ?)",
            (canonical_digest(stored),),
        )
        conn.execute("PRAGMA user_version = 1")
        conn.execute("VACUUM")
    return target


def replace_signature(target: Path, donor: Path) -> None:
    """Put ``donor``'s genuine signature row into ``target`` (a replay of someone's seal)."""
    with closing(sqlite3.connect(donor)) as conn:
        row = conn.execute(
            "SELECT key_id, public_key, signature, signed_at FROM signature"
        ).fetchone()
    with closing(sqlite3.connect(target, isolation_level=None)) as conn:
        conn.execute("DELETE FROM signature")
        conn.execute("INSERT INTO signature VALUES (?, ?, ?, ?)", row)
        conn.execute("VACUUM")
