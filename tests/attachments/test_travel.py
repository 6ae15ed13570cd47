"""Attachments on the USB stick: signed, checked against their hashes, stored once."""

from __future__ import annotations

import dataclasses
import hashlib
import sqlite3
from contextlib import closing
from pathlib import Path

import pytest

from domain.attachments import AttachmentFile
from domain.exchange_records import ExchangeAttachment, ExportScope
from exchange import reader
from exchange.errors import RejectCode
from exchange.reader import read_exchange_file
from exchange.service import import_file
from exchange.writer import write_bundle
from models.store import Store
from tests.attachments import samples
from tests.attachments.test_store import entry
from tests.exchange.offices import export, office, trust_each_other
from tests.signing.helpers import snapshot

SCAN_BYTES = 3 * 1024 * 1024 + 5


@pytest.fixture
def evidence(tmp_path: Path) -> dict[str, Path]:
    folder = tmp_path / "材料"
    scan = samples.pdf_bytes(1) + b"%" + bytes(SCAN_BYTES)
    return {
        "pdf": samples.write(folder, "会议纪要.pdf", samples.pdf_bytes(2)),
        "photo": samples.write(folder, "现场照片.jpg", samples.jpeg_bytes()),
        "scan": samples.write(folder, "盖章扫描件.pdf", scan),
    }


def attach(store: Store, task: int, unit: str, *paths: Path) -> str:
    picks = tuple(AttachmentFile(str(p)) for p in paths)
    return store.record_progress(entry(store, task, unit, attachments=picks)).revision_id


@pytest.mark.usefixtures("office_engine")  # the office on SQLite, then on PostgreSQL
def test_unit_to_office_to_unit_byte_identical(tmp_path: Path, evidence: dict[str, Path]) -> None:
    unit = office(tmp_path, "ip", "省知识产权局")
    hq = office(tmp_path, "hq", None)
    other = office(tmp_path, "finance", "省财政厅")
    trust_each_other(unit, hq, other)
    rev = attach(unit, 1, "省知识产权局", evidence["pdf"], evidence["photo"], evidence["scan"])
    attach(unit, 2, "省知识产权局", evidence["scan"])  # same scan on a second report

    sent = export(unit, tmp_path / "usb1")
    outcome = import_file(hq, sent)
    assert outcome.rejected_code is None and outcome.report is not None
    assert outcome.report.new_revisions == 2
    assert outcome.report.new_attachments == 3  # the scan once
    (scan,) = [r for r in hq.attachments_of([rev])[rev] if r.file_name == "盖章扫描件.pdf"]
    assert hq.attachment_usage(scan.sha256) == 2
    (tmp_path / "hq").mkdir()
    copy = hq.extract_attachment(scan.sha256, tmp_path / "hq" / scan.extract_name)
    assert copy.read_bytes() == evidence["scan"].read_bytes()

    back = export(hq, tmp_path / "usb2", ExportScope.ALL)
    assert import_file(other, back).report.new_attachments == 3  # type: ignore[union-attr]
    refs = other.attachments_of([rev])[rev]
    assert [r.file_name for r in refs] == ["会议纪要.pdf", "现场照片.jpg", "盖章扫描件.pdf"]
    (tmp_path / "out").mkdir()
    for ref, original in zip(refs, ("pdf", "photo", "scan"), strict=True):
        out = other.extract_attachment(ref.sha256, tmp_path / "out" / ref.extract_name)
        assert out.read_bytes() == evidence[original].read_bytes()
    assert refs[0].pages == 2  # computed again from the bytes where they arrived

    # Again: nothing new; a later export of the unit carries the files again (the cost
    # the README states), and the office, holding them, copies nothing.
    assert import_file(hq, sent).report.already_imported  # type: ignore[union-attr]
    attach(unit, 3, "省知识产权局")
    later = import_file(hq, export(unit, tmp_path / "usb3")).report
    assert later is not None and later.new_revisions == 1 and later.new_attachments == 0
    for store in (unit, hq, other):
        store.close()


@pytest.fixture(params=["in memory", "from a private copy"])
def read_path(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    """Small files are checked in memory, large ones from a copy on disk: test both."""
    if request.param != "in memory":
        monkeypatch.setattr(reader, "IN_MEMORY_BYTES", 0)
    return str(request.param)


@pytest.fixture
def pair(tmp_path: Path, evidence: dict[str, Path], read_path: str) -> tuple[Store, Store, Path]:
    unit = office(tmp_path, "ip", "省知识产权局")
    hq = office(tmp_path, "hq", None)
    trust_each_other(unit, hq)
    attach(unit, 1, "省知识产权局", evidence["pdf"], evidence["scan"])
    return unit, hq, export(unit, tmp_path / "usb")


def _edit(path: Path, sql: str, *params: object) -> None:
    with closing(sqlite3.connect(path, isolation_level=None)) as conn:
        conn.execute(sql, params)
        conn.execute("VACUUM")


@pytest.mark.parametrize(
    ("sql", "params"),
    [
        # A piece of the scan changed (same length): the hash in the signed record says no.
        (
            "UPDATE attachment_chunks SET data = randomblob(length(data)) "
            "WHERE seq = 1 AND length(data) = 1048576",
            (),
        ),
        ("DELETE FROM attachment_chunks WHERE seq = 2", ()),  # a piece missing
        ("INSERT INTO attachment_chunks VALUES (?, 0, x'00')", ("f" * 64,)),  # smuggled bytes
        ("UPDATE attachment_chunks SET data = CAST(data || x'00' AS BLOB) WHERE seq = 3", ()),
    ],
)
def test_mismatching_attachment_bytes_refuse_the_file_database_unchanged(
    pair: tuple[Store, Store, Path], sql: str, params: tuple[object, ...]
) -> None:
    _, hq, sent = pair
    _edit(sent, sql, *params)
    before = snapshot(hq)
    outcome = import_file(hq, sent)
    assert outcome.rejected_code == RejectCode.ATTACHMENT_MISMATCH, outcome
    assert snapshot(hq) == before


def test_records_of_attachments_are_signed(pair: tuple[Store, Store, Path]) -> None:
    _, hq, sent = pair
    _edit(sent, "UPDATE attachments SET file_name = '改过.pdf' WHERE position = 0")
    before = snapshot(hq)
    assert import_file(hq, sent).rejected_code == RejectCode.DIGEST_MISMATCH
    assert snapshot(hq) == before


def test_a_signed_file_carrying_a_program_is_refused(
    pair: tuple[Store, Store, Path], tmp_path: Path
) -> None:
    """A unit's genuine key, a modified Duban: the office still decides from the bytes."""
    unit, hq, _ = pair
    program = samples.executable_bytes()
    sha = hashlib.sha256(program).hexdigest()
    bundle = unit.export_bundle(ExportScope.UNIT)
    rev = bundle.revisions[0].revision_id
    bad = ExchangeAttachment(rev, 0, sha, len(program), "../../会议纪要.pdf")
    forged = dataclasses.replace(bundle, attachments=(bad,))
    path = tmp_path / "forged.duban"
    write_bundle(forged, path, signer=unit.signer(), chunks=lambda _sha, _seq: program)
    before = snapshot(hq)
    outcome = import_file(hq, path)
    assert outcome.rejected_code == RejectCode.ATTACHMENT_REFUSED
    assert "executable: 会议纪要.pdf" in outcome.rejected_detail  # the name neutralised
    assert snapshot(hq) == before


def test_reader_keeps_nothing_open_without_attachments(tmp_path: Path) -> None:
    unit = office(tmp_path, "ip", "省知识产权局")
    attach(unit, 1, "省知识产权局")
    path = export(unit, tmp_path / "usb")
    read = read_exchange_file(path)
    assert read.bundle.blobs == () and read._conn is None
    unit.close()


def test_the_private_copy_is_removed_after_reading(
    pair: tuple[Store, Store, Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _, hq, sent = pair
    monkeypatch.setattr(reader, "IN_MEMORY_BYTES", 0)
    scratch = tmp_path / "scratch"
    scratch.mkdir()
    monkeypatch.setenv("TMPDIR", str(scratch))
    import tempfile

    monkeypatch.setattr(tempfile, "tempdir", None)
    with read_exchange_file(sent) as read:
        assert len(read.bundle.blobs) == 2
        assert list(scratch.iterdir())
    assert list(scratch.iterdir()) == []


def test_format_3_files_are_still_read_and_cannot_carry_files(
    pair: tuple[Store, Store, Path], tmp_path: Path
) -> None:
    unit, hq, _ = pair
    bundle = unit.export_bundle(ExportScope.UNIT)
    assert bundle.attachments
    with pytest.raises(ValueError):
        write_bundle(bundle, tmp_path / "v3.duban", signer=unit.signer(), version=3,
                     chunks=unit.attachment_chunk)  # fmt: skip
    plain = dataclasses.replace(bundle, attachments=())
    path = tmp_path / "v3-plain.duban"
    write_bundle(plain, path, signer=unit.signer(), version=3)
    with closing(sqlite3.connect(path)) as conn:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == 3
    outcome = import_file(hq, path)
    assert outcome.rejected_code is None and outcome.report is not None
    assert outcome.report.new_revisions == 1 and outcome.report.new_attachments == 0
