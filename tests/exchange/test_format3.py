"""Format 3: revision reasons, reviews and 批示 travel; format 2 files are still read."""

from __future__ import annotations

import dataclasses
import sqlite3
from contextlib import closing
from pathlib import Path

import pytest

from domain.enums import ReviewDecision
from domain.exchange_records import ExportScope
from exchange import codec
from exchange.format import FORMAT_VERSION, RECORD_TABLES_V1
from exchange.reader import read_exchange_file
from exchange.service import import_file
from tests.exchange.offices import office, report, trust_each_other
from tests.signing.helpers import write_signed

POLICE = "省公安厅"


def test_office_file_carries_reason_review_and_instruction(tmp_path: Path) -> None:
    coord = office(tmp_path, "coord", None)
    police = office(tmp_path, "police", POLICE)
    trust_each_other(coord, police)
    first = report(police, 23, POLICE, 40)
    edited = report(police, 23, POLICE, 50, parent=first)
    assert edited.reason == "更正数字"
    unit_file = write_signed(police.export_bundle(ExportScope.UNIT), tmp_path / "u.duban",
                             police.signer())  # fmt: skip
    with closing(sqlite3.connect(unit_file)) as conn:
        # Format 4 (佐证材料) keeps every table of format 3.
        assert conn.execute("PRAGMA user_version").fetchone()[0] == FORMAT_VERSION == 4
        assert conn.execute("SELECT reason FROM revision_notes").fetchall() == [("更正数字",)]
        assert conn.execute("SELECT count(*) FROM report_reviews").fetchone()[0] == 0
    assert import_file(coord, unit_file).report.new_revisions == 2  # type: ignore[union-attr]
    task_id = coord.find_task_id(None, 23)
    unit_id = coord.find_unit_id(POLICE)
    coord.review_report(task_id, unit_id, ReviewDecision.RETURNED, "补充数据", "李四")
    coord.instruct(task_id, "抓紧推进", "王副省长")

    office_file = write_signed(coord.export_bundle(ExportScope.ALL), tmp_path / "o.duban",
                               coord.signer())  # fmt: skip
    bundle = read_exchange_file(office_file).bundle
    assert [r.reason for r in bundle.revisions if r.parent_revision_id] == ["更正数字"]
    assert [(r.decision, r.reason, r.reviewer) for r in bundle.reviews] == [
        (ReviewDecision.RETURNED, "补充数据", "李四")
    ]
    assert [(i.text, i.leader) for i in bundle.instructions] == [("抓紧推进", "王副省长")]

    outcome = import_file(police, office_file)
    assert outcome.report is not None and outcome.report.rejected == ()
    assert (outcome.report.new_reviews, outcome.report.new_instructions) == (1, 1)
    again = import_file(police, office_file)
    assert again.report is not None and again.report.already_imported
    task = police.plan_view().task_by_number(23)
    assert task is not None and len(task.reviews) == 1 and len(task.instructions) == 1
    # The unit's own next export does not send the office's records back.
    back = police.export_bundle(ExportScope.UNIT)
    assert back.reviews == () and back.instructions == ()
    # The Lamport counter moved past what arrived: the next report orders after the review.
    later = report(police, 23, POLICE, 60, parent=edited)
    assert later.lamport > task.reviews[0].lamport


def test_format_2_files_are_still_read_and_merged(tmp_path: Path) -> None:
    coord = office(tmp_path, "coord", None)
    police = office(tmp_path, "police", POLICE)
    trust_each_other(coord, police)
    report(police, 23, POLICE, 40)
    path = tmp_path / "old.duban"
    from exchange.writer import write_bundle

    write_bundle(police.export_bundle(ExportScope.UNIT), path, signer=police.signer(), version=2)
    with closing(sqlite3.connect(path)) as conn:
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        assert conn.execute("PRAGMA user_version").fetchone()[0] == 2
    assert tables == {*RECORD_TABLES_V1, "manifest", "signature"}
    outcome = import_file(coord, path)
    assert outcome.report is not None and outcome.report.new_revisions == 1
    assert outcome.rejected_code is None


def test_format_2_cannot_carry_reviews(tmp_path: Path) -> None:
    coord = office(tmp_path, "coord", None)
    police = office(tmp_path, "police", POLICE)
    trust_each_other(coord, police)
    rev = report(police, 23, POLICE, 40)
    import_file(coord, write_signed(police.export_bundle(ExportScope.UNIT),
                                    tmp_path / "u.duban", police.signer()))  # fmt: skip
    coord.review_report(rev.task_id, rev.unit_id, ReviewDecision.ACCEPTED)
    from exchange.writer import write_bundle

    with pytest.raises(ValueError, match="cannot carry"):
        write_bundle(coord.export_bundle(ExportScope.ALL), tmp_path / "x.duban",
                     signer=coord.signer(), version=2)  # fmt: skip


def test_a_note_must_name_a_revision_of_the_file(tmp_path: Path) -> None:
    police = office(tmp_path, "police", POLICE)
    rev = report(police, 23, POLICE, 40)
    assert codec.with_notes([rev], [(rev.revision_id, "说明")])[0].reason == "说明"
    with pytest.raises(ValueError, match="names no revision"):
        codec.with_notes([rev], [("0b6f3c1e-2a4d-4e5f-8a9b-0c1d2e3f4a5b", "x")])
    assert dataclasses.replace(rev, reason="") == codec.with_notes([rev], [])[0]


def test_old_records_breaking_the_rules_are_kept_and_counted(tmp_path: Path) -> None:
    """A format 2 file from an older Duban let a blank 填报人 and 已完成 at 30% through: the
    merge keeps them as they are and says how many; the history marks them."""
    from domain.enums import ProgressStatus
    from domain.validation import ProgressProblem, stored_breaches
    from exchange.writer import write_bundle

    coord = office(tmp_path, "coord", None)
    police = office(tmp_path, "police", POLICE)
    trust_each_other(coord, police)
    rev = report(police, 23, POLICE, 40)
    bundle = police.export_bundle(ExportScope.UNIT)
    old = dataclasses.replace(rev, reporter="", status=ProgressStatus.DONE, percent=30)
    path = tmp_path / "old.duban"
    write_bundle(dataclasses.replace(bundle, revisions=(old,)), path, signer=police.signer(),
                 version=2)  # fmt: skip
    outcome = import_file(coord, path)
    assert outcome.report is not None and outcome.report.rejected == ()
    assert (outcome.report.new_revisions, outcome.report.rule_breaches) == (1, 1)
    (held,) = coord.progress_history(rev.task_id)
    assert (held.reporter, held.status, held.percent) == ("", ProgressStatus.DONE, 30)
    assert stored_breaches(held) == [
        ProgressProblem.REPORTER_REQUIRED,
        ProgressProblem.DONE_NEEDS_FULL_PERCENT,
    ]
