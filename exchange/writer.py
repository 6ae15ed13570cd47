"""Exchange layer: write an ``ExchangeBundle`` as a fresh exchange file at a local path."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

from domain.exchange_records import ExchangeBundle, Manifest
from exchange import codec
from exchange.format import APPLICATION_ID, COLUMNS, FORMAT_VERSION, RECORD_TABLES, SCHEMA_V1
from exchange.safe_rows import canonical_digest, read_rows


def write_bundle(bundle: ExchangeBundle, path: Path) -> str:
    """Create the file at ``path`` (must not exist); return the records' SHA-256."""
    conn = sqlite3.connect(str(path), isolation_level=None)
    try:
        conn.execute(f"PRAGMA application_id={APPLICATION_ID}")
        conn.execute(f"PRAGMA user_version={FORMAT_VERSION}")
        conn.execute("PRAGMA journal_mode=DELETE")
        conn.execute("BEGIN")
        for ddl in SCHEMA_V1.values():
            conn.execute(ddl)
        rows = {
            "installations": [codec.installation_row(s) for s in bundle.installations],
            "progress_revisions": [codec.revision_row(r) for r in bundle.revisions],
            "plan_changes": [codec.plan_change_row(c) for c in bundle.plan_changes],
        }
        for table, table_rows in rows.items():
            names = codec.columns(table)
            marks = ", ".join("?" for _ in names)
            conn.executemany(
                f"INSERT INTO {table} ({', '.join(names)}) VALUES ({marks})", table_rows
            )
        # The digest covers the manifest (all but the digest itself) and the records, as
        # SQLite stored them, exactly as the reader will see them.
        counts = {t: len(rows[t]) for t in RECORD_TABLES}
        items = manifest_items(bundle.manifest, counts)
        conn.executemany("INSERT INTO manifest (key, value) VALUES (?, ?)", items)
        stored = {
            t: read_rows(conn, t, codec.columns(t), types=COLUMNS[t])
            for t in ("manifest", *RECORD_TABLES)
        }
        digest = canonical_digest(stored)
        conn.execute("INSERT INTO manifest (key, value) VALUES ('records_sha256', ?)", (digest,))
        conn.execute("COMMIT")
    finally:
        conn.close()
    return digest


def manifest_items(manifest: Manifest, counts: dict[str, int]) -> list[tuple[str, str]]:
    """Every manifest row but ``records_sha256`` (computed over these rows too)."""
    sender = manifest.sender
    return [
        ("format_version", str(FORMAT_VERSION)),
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
