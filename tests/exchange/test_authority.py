"""A unit speaks only for itself: crafted, validly signed files from a confirmed unit.

Each test plays the attack as a unit whose key the coordinating office has confirmed
would play it: it takes what it learned from the office's ``--all`` file, builds records
with its own installation and unit (so the ownership check passes), signs the file with
its own genuine key, and hands it in. None of it may replace, hide or withdraw another
unit's report, stop the office exporting, or pre-empt another unit's file.
"""

from __future__ import annotations

import dataclasses
import uuid
from pathlib import Path

import pytest

from domain.exchange_records import ExchangeBundle, ExportScope, RecordProblem
from domain.records import ProgressRevision
from exchange.reader import read_exchange_file
from exchange.service import import_file
from models.errors import StoreError
from models.merge import content_hash
from models.store import Store
from tests.exchange.offices import export, import_all, office, report, trust_each_other
from tests.signing.helpers import write_signed

#: The coordinating office's data on a server too when PostgreSQL runs (tests/pg_fixtures.py).
pytestmark = pytest.mark.usefixtures("office_engine")


def _crafted(store: Store, path: Path, revisions: list[ProgressRevision]) -> Path:
    """A file signed with ``store``'s genuine key, carrying ``revisions`` as they are."""
    bundle = store.export_bundle(ExportScope.UNIT)
    crafted = ExchangeBundle(bundle.manifest, bundle.installations, tuple(revisions))
    return write_signed(crafted, path, store.signer())


def _as_unit(store: Store, rev: ProgressRevision, **changes: object) -> ProgressRevision:
    """``rev`` rewritten as ``store``'s own record (its installation and unit)."""
    inst = store.installation()
    assert inst.unit_id is not None
    values: dict[str, object] = {
        "author_installation_id": inst.id,
        "unit_id": inst.unit_id,
        "author_seq": 1,
        "lamport": rev.lamport + 1,
    }
    values.update(changes)
    return dataclasses.replace(rev, **values)  # type: ignore[arg-type]


def _three_offices(tmp_path: Path) -> tuple[Store, Store, Store]:
    police = office(tmp_path, "police", "省公安厅")
    customs = office(tmp_path, "customs", "哈尔滨海关")
    coord = office(tmp_path, "coord", None)
    trust_each_other(police, customs, coord)
    return police, customs, coord


def _shown(store: Store, task: int) -> list[tuple[str, int]]:
    view = store.plan_view().task_by_number(task)
    assert view is not None
    return sorted((p.unit_name, p.percent) for p in view.current_progress)


def test_reusing_another_units_revision_id_never_replaces_it(tmp_path: Path) -> None:
    police, customs, coord = _three_offices(tmp_path)
    genuine = report(police, 25, "省公安厅", 40)
    import_all(coord, export(police, tmp_path / "usb1"))
    # Customs learns the id from the office's --all file and grinds a field until its
    # variant's hash is smaller than the genuine one (the old tie-break replaced it).
    forged = None
    for n in range(500):
        candidate = _as_unit(customs, genuine, work_done=f"已办结{n}", percent=100, unit_name="")
        if content_hash(candidate) < content_hash(genuine):
            forged = candidate
            break
    assert forged is not None
    path = _crafted(customs, tmp_path / "usb2" / "c.duban", [forged])
    outcome = import_file(coord, path)
    assert outcome.report is not None and outcome.rejected_code is None
    assert [r.problem for r in outcome.report.rejected] == [RecordProblem.REVISION_ID_TAKEN]
    assert outcome.report.new_revisions == 0
    assert _shown(coord, 25) == [("省公安厅", 40)]
    history = coord.progress_history(coord.find_task_id(None, 25))
    assert [(r.revision_id, r.unit_id, r.work_done) for r in history] == [
        (genuine.revision_id, genuine.unit_id, genuine.work_done)
    ]
    # Logged for a person, with the refused variant kept whole.
    assert coord.import_log()[0].rejected_count == 1
    assert any(a.record_id == genuine.revision_id for a in outcome.report.anomalies)
    # And the office's next --all file carries the genuine revision back to the police.
    import_all(police, export(coord, tmp_path / "usb3", ExportScope.ALL))
    assert _shown(police, 25) == [("省公安厅", 40)]


def test_a_unit_cannot_join_another_units_report_chain(tmp_path: Path) -> None:
    police, customs, coord = _three_offices(tmp_path)
    genuine = report(police, 25, "省公安厅", 40)
    import_all(coord, export(police, tmp_path / "usb1"))
    base = dict(revision_id=str(uuid.uuid4()), withdrawn=True, unit_name="")
    # A's report id and A's head as parent, withdrawn: A's report would vanish.
    withdraw = _as_unit(customs, genuine, parent_revision_id=genuine.revision_id, **base)
    path = _crafted(customs, tmp_path / "usb2" / "a.duban", [withdraw])
    outcome = import_file(coord, path)
    assert outcome.report is not None
    assert [r.problem for r in outcome.report.rejected] == [RecordProblem.PARENT_OF_OTHER_UNIT]
    assert _shown(coord, 25) == [("省公安厅", 40)]

    # A's report id with no parent, a fresh report id with A's head as parent, and a
    # parent nobody has: each refused with its own reason, nothing stored.
    cases = {
        RecordProblem.REPORT_OF_OTHER_UNIT: _as_unit(
            customs, genuine, parent_revision_id=None, **{**base, "revision_id": str(uuid.uuid4())}
        ),
        RecordProblem.PARENT_OF_OTHER_UNIT: _as_unit(
            customs,
            genuine,
            report_id=str(uuid.uuid4()),
            parent_revision_id=genuine.revision_id,
            **{**base, "revision_id": str(uuid.uuid4())},
        ),
        RecordProblem.UNKNOWN_PARENT: _as_unit(
            customs,
            genuine,
            report_id=str(uuid.uuid4()),
            parent_revision_id=str(uuid.uuid4()),
            **{**base, "revision_id": str(uuid.uuid4())},
        ),
    }
    for n, (problem, rev) in enumerate(cases.items()):
        path = _crafted(customs, tmp_path / f"usb{n + 3}" / "x.duban", [rev])
        outcome = import_file(coord, path)
        assert outcome.report is not None, problem
        assert [r.problem for r in outcome.report.rejected] == [problem], problem
        assert outcome.report.new_revisions == 0
    assert _shown(coord, 25) == [("省公安厅", 40)]
    history = coord.progress_history(coord.find_task_id(None, 25))
    assert [r.revision_id for r in history] == [genuine.revision_id]


def test_a_child_of_a_refused_revision_is_refused_too(tmp_path: Path) -> None:
    police, customs, coord = _three_offices(tmp_path)
    genuine = report(police, 25, "省公安厅", 40)
    import_all(coord, export(police, tmp_path / "usb1"))
    joined = _as_unit(
        customs, genuine, revision_id=str(uuid.uuid4()), parent_revision_id=genuine.revision_id
    )
    child = dataclasses.replace(
        joined,
        revision_id=str(uuid.uuid4()),
        parent_revision_id=joined.revision_id,
        author_seq=2,
        lamport=joined.lamport + 1,
        withdrawn=True,
    )
    outcome = import_file(coord, _crafted(customs, tmp_path / "usb2" / "c.duban", [joined, child]))
    assert outcome.report is not None
    assert {r.problem for r in outcome.report.rejected} == {
        RecordProblem.PARENT_OF_OTHER_UNIT,
        RecordProblem.PARENT_REFUSED,
    }
    assert _shown(coord, 25) == [("省公安厅", 40)]


def test_a_units_own_chain_in_one_file_still_merges(tmp_path: Path) -> None:
    """The checks look at parents inside the same file too: an ordinary history passes."""
    police, _customs, coord = _three_offices(tmp_path)
    first = report(police, 25, "省公安厅", 40)
    second = report(police, 25, "省公安厅", 60, parent=first)
    report(police, 25, "省公安厅", 80, parent=second)
    outcome = import_file(coord, export(police, tmp_path / "usb"))
    assert outcome.report is not None and outcome.report.rejected == ()
    assert outcome.report.new_revisions == 3
    assert _shown(coord, 25) == [("省公安厅", 80)]


def test_a_huge_lamport_counter_cannot_stop_the_office_exporting(tmp_path: Path) -> None:
    police, customs, coord = _three_offices(tmp_path)
    own = report(customs, 25, "哈尔滨海关", 10)
    # The old reader's own maximum: accepted, harmless now that counters are 63-bit.
    high = dataclasses.replace(own, revision_id=str(uuid.uuid4()), author_seq=2,
                               lamport=2**31 - 1, report_id=str(uuid.uuid4()))  # fmt: skip
    import_all(coord, _crafted(customs, tmp_path / "usb1" / "a.duban", [own, high]))
    report(coord, 25, "省公安厅", 20)  # the office's next write: 2**31, past the old range
    assert coord.installation().lamport == 2**31
    back = export(coord, tmp_path / "usb2", ExportScope.ALL)  # reads its own file back
    import_all(police, back)
    assert police.installation().lamport == 2**31
    report(police, 25, "省公安厅", 30)
    import_all(coord, export(police, tmp_path / "usb3"))

    # A jump no office ever makes is refused, and the counter stays where it was.
    for n, lamport in enumerate((2**53 + 1, 2**62, 2**63 - 1)):
        jump = dataclasses.replace(own, revision_id=str(uuid.uuid4()), author_seq=3 + n,
                                   lamport=lamport, report_id=str(uuid.uuid4()))  # fmt: skip
        path = _crafted(customs, tmp_path / f"usb{4 + n}" / "b.duban", [own, jump])
        outcome = import_file(coord, path)
        assert outcome.report is not None and outcome.rejected_code is None
        assert [r.problem for r in outcome.report.rejected] == [RecordProblem.IMPLAUSIBLE_COUNTER]
        assert coord.installation().lamport < 2**32
    export(coord, tmp_path / "usb9", ExportScope.ALL)


def test_copying_an_export_id_does_not_preempt_the_genuine_file(tmp_path: Path) -> None:
    police, customs, coord = _three_offices(tmp_path)
    report(police, 25, "省公安厅", 40)
    genuine = export(police, tmp_path / "usb1")
    export_id = read_exchange_file(genuine).bundle.manifest.export_id
    bundle = customs.export_bundle(ExportScope.UNIT)
    manifest = dataclasses.replace(bundle.manifest, export_id=export_id)
    forged = write_signed(
        dataclasses.replace(bundle, manifest=manifest), tmp_path / "usb2" / "c.duban",
        customs.signer(),
    )  # fmt: skip
    first = import_file(coord, forged)
    assert first.report is not None and not first.report.already_imported
    second = import_file(coord, genuine)
    assert second.report is not None and not second.report.already_imported
    assert second.report.new_revisions == 1
    assert _shown(coord, 25) == [("省公安厅", 40)]
    # The genuine file again, or another copy of it: now it is a repeat.
    again = import_file(coord, genuine)
    assert again.report is not None and again.report.already_imported


def test_an_unconfirmed_file_with_a_known_export_id_is_judged_by_its_key(tmp_path: Path) -> None:
    """'Already imported' is never said before the signer is checked."""
    police, _customs, coord = _three_offices(tmp_path)
    report(police, 25, "省公安厅", 40)
    genuine = export(police, tmp_path / "usb1")
    import_all(coord, genuine)
    stranger = office(tmp_path, "stranger", "省公安厅")
    bundle = read_exchange_file(genuine).bundle
    unsigned = dataclasses.replace(bundle, signature=None)
    copy = write_signed(unsigned, tmp_path / "usb2" / "copy.duban", stranger.signer())
    outcome = import_file(coord, copy)
    assert outcome.report is not None and not outcome.report.already_imported
    assert outcome.rejected_code == "key_wrong_unit" or outcome.rejected_code == "unknown_key"


def test_the_office_cannot_edit_one_units_report_on_behalf_of_another(tmp_path: Path) -> None:
    """The rule holds on the local path too (dialog, command line), not only in the merge."""
    police, _customs, coord = _three_offices(tmp_path)
    genuine = report(police, 25, "省公安厅", 40)
    import_all(coord, export(police, tmp_path / "usb"))
    with pytest.raises(StoreError) as info:
        report(coord, 25, "哈尔滨海关", 50, parent=genuine)
    assert info.value.code == "parent_of_other_unit" and "省公安厅" in info.value.message_zh
