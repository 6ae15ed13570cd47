"""A task's history read a page at a time: the newest revisions, the total, conflicts
flagged exactly as in the full history."""

from __future__ import annotations

from pathlib import Path

import pytest

from domain.exchange_records import ExportScope
from models.store import Store
from tests.exchange.offices import export, import_all, office, report, trust_each_other


@pytest.fixture
def store(any_store: Store) -> Store:
    """Runs on a SQLite file and on a PostgreSQL server."""
    return any_store


def test_page_is_the_newest_of_the_full_history_with_the_total(store: Store) -> None:
    first = report(store, 20, "省公安厅", 10)
    edit = report(store, 20, "省公安厅", 20, parent=first)
    report(store, 20, "省公安厅", 30, parent=edit)
    for percent in (5, 15, 25, 35):  # another unit's reports, dates in between
        report(store, 20, "省商务厅", percent)
    report(store, 23, "省公安厅", 50)  # another task: neither shown nor counted
    full = store.progress_history(first.task_id)
    assert len(full) == 7

    page = store.history_page(first.task_id, 3)
    assert page.total == 7 and not page.complete
    assert page.revisions == full[:3]
    assert [r.percent for r in page.revisions] == [35, 30, 25]

    everything = store.history_page(first.task_id, None)
    assert everything.complete and everything.revisions == full
    assert store.history_page(first.task_id).revisions == full  # the default page holds it


def test_task_without_progress_has_an_empty_complete_page(store: Store) -> None:
    page = store.history_page(store.find_task_id(None, 23))
    assert page.revisions == [] and page.total == 0 and page.complete


@pytest.mark.usefixtures("office_engine")
def test_forked_heads_are_flagged_on_the_page_as_in_the_full_history(tmp_path: Path) -> None:
    police = office(tmp_path, "police", "省公安厅")
    police2 = office(tmp_path, "police2", "省公安厅")  # a second PC in the same unit
    coord = office(tmp_path, "coord", None)
    trust_each_other(police, police2, coord)
    root = report(police, 23, "省公安厅", 30)
    import_all(coord, export(police, tmp_path / "a"))
    import_all(police2, export(coord, tmp_path / "b", ExportScope.ALL))
    report(police, 23, "省公安厅", 40, parent=root)
    report(police2, 23, "省公安厅", 45, parent=root)
    import_all(coord, export(police, tmp_path / "c"), export(police2, tmp_path / "c"))

    full = coord.progress_history(root.task_id)
    assert [r.in_conflict for r in full] == [True, True, False]
    for limit in (None, 1, 2, 3):
        page = coord.history_page(root.task_id, limit)
        assert page.revisions == full[:limit] and page.total == 3
    # The page of the newest head alone still knows its report has two heads.
    assert coord.history_page(root.task_id, 1).revisions[0].in_conflict
