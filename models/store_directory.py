"""Storage layer: the 单位名录 half of the ``Store``: list the unit names of every plan,
declare names one unit or undo it (coordinating office only, with a reason, 留痕)."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import select
from sqlalchemy.orm import Session

from domain.unit_directory import (
    MAX_NAME,
    DirectoryEntry,
    DirectoryListing,
    DirectoryUnit,
    clean_name,
    entry_id_for,
    entry_order,
    fold,
    suggest_aliases,
)
from domain.validation import MAX_REASON_LENGTH
from models.concurrency import retry_on_conflict
from models.directory_rows import directory_entries, save_entry
from models.errors import StoreError
from models.orm import InstallationRow, PlanRow, UnitRow
from models.store_base import StoreBase, installation_row, utc_now_text
from models.store_reports import _next_counter
from models.views import build_plan_view


class DirectoryStore(StoreBase):
    """单位名录: which unit names are one unit (aliases), across all plans."""

    def unit_directory(self) -> DirectoryListing:
        with self._sessions.begin() as s:
            return _listing(s)

    def canonical_unit_name(self, name: str) -> str:
        """The name ``name`` is counted under (itself unless it is an alias)."""
        with self._sessions.begin() as s:
            return fold(directory_entries(s)).canonical(clean_name(name))

    @retry_on_conflict
    def declare_same_unit(
        self, names: Sequence[str], canonical: str, reason: str
    ) -> DirectoryListing:
        """Declare ``names`` one unit, counted under ``canonical`` (one of them). Names
        already one unit are left as they are; a chosen name that was itself another
        name's alias is undone first, so the fold never meets a cycle."""
        reason = reason.strip()
        with self._sessions.begin() as s:
            inst = _office(s)
            if not reason:
                raise StoreError("empty_reason", "单位名录")
            if len(reason) > MAX_REASON_LENGTH:
                raise StoreError("text_too_long", reason[:20])
            chosen = _known_name(s, canonical)
            others = sorted({_known_name(s, n) for n in names} - {chosen})
            if not others:
                raise StoreError("alias_needs_two", chosen)
            directory = fold(directory_entries(s))
            if directory.is_alias(chosen):
                _append(s, inst, chosen, "", True, reason)
                directory = fold(directory_entries(s))
            for name in others:
                if directory.canonical(name) == chosen and directory.declared.get(name) == chosen:
                    continue
                _append(s, inst, name, chosen, False, reason)
            return _listing(s)

    @retry_on_conflict
    def undo_unit_alias(self, name: str, reason: str) -> DirectoryListing:
        """撤销: ``name`` counts as a unit of its own again. Nothing written under it is
        lost; its reports count for it alone from now on."""
        reason = reason.strip()
        with self._sessions.begin() as s:
            inst = _office(s)
            if not reason:
                raise StoreError("empty_reason", "单位名录")
            if len(reason) > MAX_REASON_LENGTH:
                raise StoreError("text_too_long", reason[:20])
            wanted = clean_name(name)
            if not fold(directory_entries(s)).is_alias(wanted):
                raise StoreError("not_an_alias", wanted)
            _append(s, inst, wanted, "", True, reason)
            return _listing(s)


def _office(s: Session) -> InstallationRow:
    inst = installation_row(s)
    if not inst.is_coordinating_office:
        raise StoreError("office_only", "修改单位名录")
    return inst


def _known_name(s: Session, name: str) -> str:
    """A name some plan (or the directory) uses, as stored; refused otherwise (a typo would
    make a unit nobody reports for)."""
    wanted = clean_name(name)
    if not wanted or len(wanted) > MAX_NAME:
        raise StoreError("unknown_unit", name)
    if s.scalar(select(UnitRow.name).where(UnitRow.name == wanted)) is not None:
        return wanted
    if any(wanted in (e.name, e.same_as) for e in directory_entries(s)):
        return wanted
    raise StoreError("unknown_unit", wanted)


def _append(
    s: Session, inst: InstallationRow, name: str, same_as: str, undo: bool, reason: str
) -> DirectoryEntry:
    seq, lamport = _next_counter(s, inst)
    authored_at = utc_now_text()
    entry = DirectoryEntry(
        entry_id=entry_id_for(inst.id, seq, lamport, authored_at, name, same_as, undo, reason),
        author_installation_id=inst.id,
        author_seq=seq,
        lamport=lamport,
        authored_at=authored_at,
        name=name,
        same_as=same_as,
        undo=undo,
        reason=reason,
    )
    save_entry(s, entry)
    s.flush()
    return entry


def _listing(s: Session) -> DirectoryListing:
    entries = directory_entries(s)
    directory = fold(entries)
    counts: dict[str, int] = {}
    plans: dict[str, list[str]] = {}
    for row in s.scalars(select(PlanRow).order_by(PlanRow.position)):
        view = build_plan_view(s, row, fold_units=False)
        if view.removed:
            continue
        for task in view.all_tasks():
            for name in dict.fromkeys(a.unit_name for a in task.assignments):
                counts[name] = counts.get(name, 0) + 1
                titles = plans.setdefault(name, [])
                if view.title not in titles:
                    titles.append(view.title)
    named = set(counts) | {e.name for e in entries} | {e.same_as for e in entries if e.same_as}
    units = tuple(
        DirectoryUnit(n, directory.canonical(n), counts.get(n, 0), tuple(plans.get(n, ())))
        for n in sorted(
            named, key=lambda n: (directory.canonical(n), n != directory.canonical(n), n)
        )
    )
    return DirectoryListing(
        units=units,
        entries=tuple(sorted(entries, key=entry_order, reverse=True)),
        suggestions=tuple(suggest_aliases(counts, directory)),
        editable=installation_row(s, lock=False).is_coordinating_office,
    )


__all__ = ["DirectoryStore"]
