"""Exchange layer: write an ``ExchangeBundle`` as a fresh, signed exchange file at a local path."""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from collections.abc import Callable
from pathlib import Path

from domain.chunked_io import chunk_count
from domain.exchange_records import ExchangeBundle, Manifest
from exchange import codec
from exchange.format import (
    APPLICATION_ID,
    ATTACHMENT_CHUNK_BYTES,
    COLUMNS,
    FORMAT_VERSION,
    SCHEMAS,
    record_tables,
)
from exchange.safe_rows import canonical_digest, read_rows
from exchange.signature import Signer, signature_row

PAGE_SIZE = 1024
#: With attachments: 64 KiB pages, so a 1 MiB chunk is 16 overflow pages, not a thousand.
ATTACHMENT_PAGE_SIZE = 65536

#: Gives one stored chunk of an attachment: (sha256, seq) → bytes (the store reads it).
ChunkSource = Callable[[str, int], bytes]


def write_bundle(
    bundle: ExchangeBundle,
    path: Path,
    *,
    signer: Signer,
    signed_at: str | None = None,
    version: int = FORMAT_VERSION,
    chunks: ChunkSource | None = None,
) -> str:
    """Create the file at ``path`` (must not exist), signed by ``signer``; return the records'
    SHA-256. ``signed_at`` defaults to now (UTC); tests pass other times, and an older
    ``version`` to write what an earlier Duban wrote (ValueError if the bundle holds more
    than that format can carry). ``chunks`` gives the bytes of the attachments the bundle
    lists, one chunk at a time."""
    if version < 2 or version > FORMAT_VERSION:
        raise ValueError(f"cannot write format {version}")
    if bundle.attachments and (chunks is None or version < 4):
        raise ValueError("a bundle with attachments needs their bytes and format 4")
    tables = record_tables(version)
    conn = sqlite3.connect(str(path), isolation_level=None)
    try:
        # Exports are small: 1 KiB pages keep a one-report file near 12 KB instead of 45 KB
        # (each of the eleven tables and indexes takes at least a page).
        page_size = ATTACHMENT_PAGE_SIZE if bundle.attachments else PAGE_SIZE
        conn.execute(f"PRAGMA page_size={page_size}")
        conn.execute(f"PRAGMA application_id={APPLICATION_ID}")
        conn.execute(f"PRAGMA user_version={version}")
        conn.execute("PRAGMA journal_mode=DELETE")
        conn.execute("BEGIN")
        for ddl in SCHEMAS[version].values():
            conn.execute(ddl)
        rows = {
            "installations": [codec.installation_row(s) for s in bundle.installations],
            "progress_revisions": [codec.revision_row(r) for r in bundle.revisions],
            "plan_changes": [codec.plan_change_row(c) for c in bundle.plan_changes],
            "revision_notes": [codec.note_row(r) for r in bundle.revisions if r.reason],
            "report_reviews": [codec.review_row(r) for r in bundle.reviews],
            "instructions": [codec.instruction_row(i) for i in bundle.instructions],
            "attachments": [codec.attachment_row(a) for a in bundle.attachments],
        }
        left_out = [t for t, table_rows in rows.items() if table_rows and t not in tables]
        if left_out:
            raise ValueError(f"format {version} cannot carry {left_out}")
        rows = {t: rows[t] for t in tables}
        for table, table_rows in rows.items():
            names = codec.columns(table)
            marks = ", ".join("?" for _ in names)
            conn.executemany(
                f"INSERT INTO {table} ({', '.join(names)}) VALUES ({marks})", table_rows
            )
        if chunks is not None:
            _write_chunks(conn, bundle, chunks)
        # The digest covers the manifest (all but the digest itself) and the records, as
        # SQLite stored them, exactly as the reader will see them.
        counts = {t: len(rows[t]) for t in tables}
        items = manifest_items(bundle.manifest, counts, version)
        conn.executemany("INSERT INTO manifest (key, value) VALUES (?, ?)", items)
        stored = {
            t: read_rows(conn, t, codec.columns(t), types=COLUMNS[t]) for t in ("manifest", *tables)
        }
        digest = canonical_digest(stored)
        conn.execute("INSERT INTO manifest (key, value) VALUES ('records_sha256', ?)", (digest,))
        # Sign the whole manifest as the reader will read it back, not what we meant to write.
        stored_manifest = read_rows(conn, "manifest", ["key", "value"], types=COLUMNS["manifest"])
        when = signed_at or dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
        conn.execute(
            "INSERT INTO signature (key_id, public_key, signature, signed_at) VALUES (?, ?, ?, ?)",
            signature_row(stored_manifest, signer, when),
        )
        conn.execute("COMMIT")
    finally:
        conn.close()
    return digest


def _write_chunks(conn: sqlite3.Connection, bundle: ExchangeBundle, chunks: ChunkSource) -> None:
    """Each listed file's bytes once, chunk by chunk (never a whole file in memory)."""
    sizes = {a.sha256: a.size for a in bundle.attachments}
    for sha in sorted(sizes):
        for seq in range(chunk_count(sizes[sha], ATTACHMENT_CHUNK_BYTES)):
            conn.execute(
                "INSERT INTO attachment_chunks (sha256, seq, data) VALUES (?, ?, ?)",
                (sha, seq, chunks(sha, seq)),
            )


def manifest_items(
    manifest: Manifest, counts: dict[str, int], version: int = FORMAT_VERSION
) -> list[tuple[str, str]]:
    """Every manifest row but ``records_sha256`` (computed over these rows too)."""
    sender = manifest.sender
    return [
        ("format_version", str(version)),
        ("app_version", manifest.app_version),
        ("export_id", manifest.export_id),
        ("installation_id", sender.installation_id),
        ("installation_name", sender.name),
        ("unit_id", sender.unit_id or ""),
        ("unit_name", sender.unit_name),
        ("is_coordinating_office", "1" if sender.is_coordinating_office else "0"),
        ("plan_id", manifest.plan_id),
        ("plan_fingerprint", manifest.plan_fingerprint),
        ("plan_title", manifest.plan_title),
        ("created_at", manifest.created_at),
        ("scope", manifest.scope.value),
        ("counts", json.dumps(counts, sort_keys=True)),
    ]
