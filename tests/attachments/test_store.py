"""Attachments in the store: stored once by SHA-256, listed per revision, append-only."""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import sqlite3
from pathlib import Path

import pytest

from domain.attachments import (
    AttachmentFile,
    AttachmentKind,
    AttachmentLimits,
    AttachmentRefused,
    PdfRisk,
    RefusalCode,
)
from domain.enums import ProgressStatus
from domain.records import ProgressInput, ProgressRevision
from models.backups import restore_backup
from models.database import backup_database
from models.errors import StoreError
from models.store import Store
from tests.attachments import samples


def entry(store: Store, task: int, unit: str, **changes: object) -> ProgressInput:
    base = ProgressInput(
        task_id=store.find_task_id(None, task),
        unit_id=store.find_unit_id(unit),
        status=ProgressStatus.IN_PROGRESS,
        percent=40,
        report_date=dt.date(2026, 3, 1),
        work_done="召开专题会议",
        reporter="张三",
        reason="补充材料",  # an edit needs its 修改原因; a new report may carry a 说明
    )
    return dataclasses.replace(base, **changes)  # type: ignore[arg-type]


def counts(path: Path) -> tuple[int, int, int, int]:
    conn = sqlite3.connect(path)
    try:
        return tuple(  # type: ignore[return-value]
            conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
            for t in (
                "progress_revisions",
                "attachment_blobs",
                "attachment_chunks",
                "revision_attachments",
            )
        )
    finally:
        conn.close()


@pytest.fixture
def files(tmp_path: Path) -> dict[str, Path]:
    folder = tmp_path / "材料"
    big = samples.pdf_bytes(2) + b"%" + bytes(3 * 1024 * 1024 + 17)  # spans four chunks
    return {
        "pdf": samples.write(folder, "会议纪要.pdf", samples.pdf_bytes(3)),
        "photo": samples.write(folder, "现场照片.jpg", samples.jpeg_bytes()),
        "big": samples.write(folder, "扫描件.pdf", big),
        "docx": samples.write(folder, "纪要.docx", samples.docx_bytes()),
        "js": samples.write(folder, "带脚本.pdf", samples.pdf_with_javascript()),
        "exe": samples.write(folder, "会议纪要2.pdf", samples.executable_bytes()),
    }


def record(store: Store, task: int, unit: str, *paths: Path, **kw: object) -> ProgressRevision:
    picks = tuple(AttachmentFile(str(p)) for p in paths)
    return store.record_progress(entry(store, task, unit, attachments=picks, **kw))


def test_files_are_listed_with_kind_pages_and_risks(
    store: Store, files: dict[str, Path], tmp_path: Path
) -> None:
    rev = record(store, 1, "省知识产权局", files["pdf"], files["photo"], files["js"])
    refs = store.attachments_of([rev.revision_id])[rev.revision_id]
    assert [r.file_name for r in refs] == ["会议纪要.pdf", "现场照片.jpg", "带脚本.pdf"]
    assert [r.kind for r in refs] == [AttachmentKind.PDF, AttachmentKind.JPEG, AttachmentKind.PDF]
    assert refs[0].pages == 3 and refs[0].risks == frozenset()
    assert refs[2].risks == {PdfRisk.JAVASCRIPT}
    assert refs[1].sha256 == hashlib.sha256(files["photo"].read_bytes()).hexdigest()


def test_extracted_copy_is_byte_identical(
    store: Store, files: dict[str, Path], tmp_path: Path
) -> None:
    rev = record(store, 1, "省知识产权局", files["big"])
    (ref,) = store.attachments_of([rev.revision_id])[rev.revision_id]
    out = store.extract_attachment(ref.sha256, tmp_path / ref.extract_name)
    assert out.read_bytes() == files["big"].read_bytes()
    assert not list(tmp_path.glob("*.partial"))


def test_same_file_on_two_reports_is_stored_once(store: Store, files: dict[str, Path]) -> None:
    first = record(store, 1, "省知识产权局", files["big"])
    second = record(store, 2, "省知识产权局", files["big"], files["photo"])
    assert counts(store.path) == (2, 2, 5, 3)  # four chunks of the scan, one of the photo
    sha = store.attachments_of([first.revision_id])[first.revision_id][0].sha256
    assert store.attachment_usage(sha) == 2
    assert store.attachments_of([second.revision_id])[second.revision_id][0].sha256 == sha


def test_an_edit_keeps_the_files_and_removal_is_a_new_revision(
    store: Store, files: dict[str, Path]
) -> None:
    first = record(store, 1, "省知识产权局", files["pdf"], files["photo"])
    edit = store.record_progress(
        entry(store, 1, "省知识产权局", percent=60, parent_revision_id=first.revision_id)
    )
    kept = store.attachments_of([edit.revision_id])[edit.revision_id]
    assert [r.file_name for r in kept] == ["会议纪要.pdf", "现场照片.jpg"]
    removed = store.record_progress(
        entry(
            store, 1, "省知识产权局", percent=70,
            parent_revision_id=edit.revision_id, attachments=kept[1:],
        )
    )  # fmt: skip
    lists = store.attachments_of([first.revision_id, removed.revision_id])
    assert [r.file_name for r in lists[removed.revision_id]] == ["现场照片.jpg"]
    assert len(lists[first.revision_id]) == 2  # history keeps what was there
    ((current, refs),) = store.current_attachments(first.task_id)
    assert current.revision_id == removed.revision_id and len(refs) == 1


@pytest.mark.parametrize(("key", "code"), [("exe", RefusalCode.EXECUTABLE)])
def test_refused_file_leaves_the_database_unchanged(
    store: Store, files: dict[str, Path], key: str, code: RefusalCode
) -> None:
    before = counts(store.path)
    with pytest.raises(AttachmentRefused) as caught:
        record(store, 1, "省知识产权局", files["pdf"], files[key])
    assert caught.value.code is code and caught.value.file_name == files[key].name
    assert counts(store.path) == before


def test_hostile_names_are_neutralised(store: Store, tmp_path: Path) -> None:
    path = samples.write(tmp_path, "x.txt", "说明".encode())
    hostile = ["../../上级/说明.txt", "说\x00明.txt", "长" * 300 + ".txt"]
    rev = store.record_progress(
        entry(
            store, 1, "省知识产权局",
            attachments=tuple(AttachmentFile(str(path), name) for name in hostile),
        )
    )  # fmt: skip
    names = [r.file_name for r in store.attachments_of([rev.revision_id])[rev.revision_id]]
    assert names[:2] == ["说明.txt", "说明.txt"]
    assert len(names[2]) == 120 and names[2].endswith(".txt")
    assert counts(store.path)[1] == 1  # the same bytes three times: stored once


def test_caps_set_by_the_office_apply(tmp_path: Path, files: dict[str, Path]) -> None:
    with Store.open(tmp_path / "office.sqlite") as office:
        office.set_office(None, coordinating_office=True)
        small = AttachmentLimits(max_file_bytes=1024 * 1024, max_files=2)
        assert office.set_attachment_limits(small, reason="统一要求") == small
        with pytest.raises(AttachmentRefused) as caught:
            record(office, 1, "省知识产权局", files["big"])
        assert caught.value.code is RefusalCode.TOO_LARGE
        with pytest.raises(AttachmentRefused) as caught:
            record(office, 1, "省知识产权局", files["pdf"], files["photo"], files["docx"])
        assert caught.value.code is RefusalCode.TOO_MANY
        with pytest.raises(StoreError):
            office.set_attachment_limits(AttachmentLimits(max_files=0))


def test_a_unit_cannot_set_caps(store: Store) -> None:
    store.set_office("省知识产权局")
    with pytest.raises(StoreError) as caught:
        store.set_attachment_limits(AttachmentLimits(max_files=3))
    assert caught.value.code == "not_coordinating_office"


def test_backup_and_restore_include_the_attachments(
    store: Store, files: dict[str, Path], tmp_path: Path
) -> None:
    rev = record(store, 1, "省知识产权局", files["big"])
    copy = backup_database(store.path, reason="before-import")
    assert copy is not None
    record(store, 2, "省知识产权局", files["photo"])
    store.close()
    restore_backup(store.path, copy)
    with Store.open(store.path) as restored:
        (ref,) = restored.attachments_of([rev.revision_id])[rev.revision_id]
        out = restored.extract_attachment(ref.sha256, tmp_path / "back.pdf")
        assert out.read_bytes() == files["big"].read_bytes()
        assert counts(restored.path)[:2] == (1, 1)


def test_on_both_engines_stored_once_extracted_identical(
    any_store: Store, files: dict[str, Path], tmp_path: Path
) -> None:
    first = record(any_store, 1, "省知识产权局", files["big"], files["photo"])
    second = record(any_store, 2, "省知识产权局", files["big"])
    lists = any_store.attachments_of([first.revision_id, second.revision_id])
    scan = lists[first.revision_id][0]
    assert lists[second.revision_id] == (scan,)
    assert any_store.attachment_usage(scan.sha256) == 2
    out = any_store.extract_attachment(scan.sha256, tmp_path / scan.extract_name)
    assert out.read_bytes() == files["big"].read_bytes()
    with pytest.raises(AttachmentRefused):
        record(any_store, 3, "省知识产权局", files["exe"])
    assert any_store.attachment_chunk(scan.sha256, 3) == files["big"].read_bytes()[3 << 20 :]
