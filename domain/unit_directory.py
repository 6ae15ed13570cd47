"""Domain layer: 单位名录 — which unit names the coordinating office declared one unit.

A plan names its units as its drafters wrote them: 省发改委 in one plan, 省发展改革委 in the
next. The office says "A is another name of B" (or undoes it), each with a reason; those
directory entries form an append-only log, signed and carried in the office's exports
like plan changes, and folded here in causal order (Lamport counter, author, entry id):
the same on every PC whatever order the files arrived in.

Folding gives every name a canonical name. Records are never rewritten: a report keeps the
unit it was written by; what groups or counts by unit uses the canonical name at read time.
Unit ids are UUIDv5 of names (``domain.ids``), so the fold maps ids as well as names.
"""

from __future__ import annotations

import json
import re
import uuid
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from domain import ids
from domain.plan_change_record import PlanChange

#: The plan-change kind a directory entry travels as (one per exported plan; see below).
UNIT_ALIAS_KIND = "unit_alias"
MAX_NAME = 200
_NAMESPACE = uuid.UUID("5b0f6c1e-2d0a-4c3e-9a55-0d1b2c3d4e5f")


def clean_name(name: str) -> str:
    """A unit name as stored (whitespace removed, as ``units.name`` holds it)."""
    return "".join(str(name).split())


@dataclass(frozen=True, slots=True)
class DirectoryEntry:
    """One declaration of the office: ``name`` is another name of ``same_as``; or, with
    ``undo``, ``name`` stands on its own again (``same_as`` is then "")."""

    entry_id: str
    author_installation_id: str
    author_seq: int
    lamport: int
    authored_at: str
    name: str
    same_as: str
    undo: bool
    reason: str


def entry_id_for(
    author: str, seq: int, lamport: int, authored_at: str, name: str, same_as: str,
    undo: bool, reason: str,
) -> str:  # fmt: skip
    """Entry ids are derived from the content: one id can never carry two contents, so an
    entry arriving through several plans' files, in any order, folds the same."""
    content = json.dumps(
        [author, seq, lamport, authored_at, name, same_as, undo, reason], ensure_ascii=False
    )
    return str(uuid.uuid5(_NAMESPACE, content))


def check_entry(entry: DirectoryEntry) -> None:
    """Raise ValueError unless ``entry`` is one the fold can use."""
    if not entry.name or len(entry.name) > MAX_NAME or clean_name(entry.name) != entry.name:
        raise ValueError("unit_alias: bad name")
    if entry.undo:
        if entry.same_as:
            raise ValueError("unit_alias: an undo names no other unit")
    elif (
        not entry.same_as
        or len(entry.same_as) > MAX_NAME
        or clean_name(entry.same_as) != entry.same_as
        or entry.same_as == entry.name
    ):
        raise ValueError("unit_alias: bad same_as")
    if not entry.reason.strip():
        raise ValueError("unit_alias: no reason")
    expected = entry_id_for(
        entry.author_installation_id, entry.author_seq, entry.lamport, entry.authored_at,
        entry.name, entry.same_as, entry.undo, entry.reason,
    )  # fmt: skip
    if entry.entry_id != expected:
        raise ValueError("unit_alias: entry id does not match its content")


def change_for_entry(entry: DirectoryEntry, plan_id: str) -> PlanChange:
    """The entry as a row of an exchange file's ``plan_changes`` about ``plan_id``: every
    signed field of the entry, the plan only saying which file carries it."""
    payload = {
        "entry_id": entry.entry_id,
        "name": entry.name,
        "same_as": entry.same_as,
        "undo": entry.undo,
    }
    return PlanChange(
        change_id=str(uuid.uuid5(_NAMESPACE, f"{entry.entry_id}/{plan_id}")),
        plan_id=plan_id,
        author_installation_id=entry.author_installation_id,
        author_seq=entry.author_seq,
        lamport=entry.lamport,
        authored_at=entry.authored_at,
        kind=UNIT_ALIAS_KIND,
        task_id=None,
        payload=json.dumps(payload, ensure_ascii=False, sort_keys=True),
        reason=entry.reason,
    )


def entry_from_change(change: PlanChange) -> DirectoryEntry:
    """The directory entry a ``unit_alias`` change carries; ValueError if it is not one."""
    if change.kind != UNIT_ALIAS_KIND or change.task_id is not None:
        raise ValueError("not a unit_alias change")
    try:
        data = json.loads(change.payload)
    except RecursionError:
        raise ValueError("payload nested too deeply") from None
    if not isinstance(data, dict) or set(data) != {"entry_id", "name", "same_as", "undo"}:
        raise ValueError("unit_alias: payload keys")
    if not all(isinstance(data[k], str) for k in ("entry_id", "name", "same_as")):
        raise ValueError("unit_alias: payload types")
    if not isinstance(data["undo"], bool):
        raise ValueError("unit_alias: undo")
    entry = DirectoryEntry(
        entry_id=data["entry_id"],
        author_installation_id=change.author_installation_id,
        author_seq=change.author_seq,
        lamport=change.lamport,
        authored_at=change.authored_at,
        name=data["name"],
        same_as=data["same_as"],
        undo=data["undo"],
        reason=change.reason,
    )
    check_entry(entry)
    return entry


def entry_order(entry: DirectoryEntry) -> tuple[int, str, str]:
    return (entry.lamport, entry.author_installation_id, entry.entry_id)


@dataclass(frozen=True)
class UnitDirectory:
    """The folded directory: each aliased name and the name it was declared the same as."""

    declared: Mapping[str, str] = field(default_factory=dict)

    def canonical(self, name: str) -> str:
        seen = {name}
        while name in self.declared:
            name = self.declared[name]
            if name in seen:  # the fold never makes a cycle; a guard costs nothing
                break
            seen.add(name)
        return name

    def is_alias(self, name: str) -> bool:
        return name in self.declared

    def groups(self) -> dict[str, tuple[str, ...]]:
        """Canonical name → every other name counted as it (sorted)."""
        out: dict[str, list[str]] = {}
        for name in self.declared:
            out.setdefault(self.canonical(name), []).append(name)
        return {c: tuple(sorted(names)) for c, names in sorted(out.items())}

    def id_map(self) -> dict[str, tuple[str, str]]:
        """Unit id of each aliased name → (canonical unit id, canonical name)."""
        out: dict[str, tuple[str, str]] = {}
        for name in self.declared:
            canonical = self.canonical(name)
            out[str(ids.unit_id(name))] = (str(ids.unit_id(canonical)), canonical)
        return out

    def same_unit(self, a: str, b: str) -> bool:
        return self.canonical(a) == self.canonical(b)


def fold(entries: Iterable[DirectoryEntry]) -> UnitDirectory:
    """Apply the entries in causal order. A declaration that would make a name its own
    alias (a cycle) is kept in the log and not applied; the office's own PC refuses to
    write one (it undoes the chosen name first)."""
    declared: dict[str, str] = {}
    for entry in sorted(entries, key=entry_order):
        if entry.undo:
            declared.pop(entry.name, None)
            continue
        if entry.same_as == entry.name:
            continue
        if UnitDirectory(declared).canonical(entry.same_as) == entry.name:
            continue
        declared[entry.name] = entry.same_as
    return UnitDirectory(declared)


class DirectoryHistory:
    """The directory as it stood before any causal moment: which names were one unit when
    a report was written (its Lamport counter). A report written while an alias held is
    accepted by every PC, in any import order; an undo changes counting only."""

    def __init__(self, entries: Iterable[DirectoryEntry]) -> None:
        self._entries = sorted(entries, key=entry_order)
        self._folded: dict[int, UnitDirectory] = {}

    def __bool__(self) -> bool:
        return bool(self._entries)

    def before(self, lamport: int) -> UnitDirectory:
        count = sum(1 for e in self._entries if e.lamport < lamport)
        if count not in self._folded:
            self._folded[count] = fold(self._entries[:count])
        return self._folded[count]

    def unit_ids_before(self, lamport: int) -> dict[str, str]:
        """Unit id → canonical unit id as the directory stood before ``lamport``."""
        return {k: v[0] for k, v in self.before(lamport).id_map().items()}


# -- suggestions (never applied without the clerk) ------------------------------------------

#: Long forms and the abbreviations offices write for them (longest first).
_ABBREVIATIONS = (
    ("发展和改革委员会", "发改委"),
    ("发展改革委员会", "发改委"),
    ("发展和改革委", "发改委"),
    ("发展改革委", "发改委"),
    ("工业和信息化", "工信"),
    ("人力资源和社会保障", "人社"),
    ("人力资源社会保障", "人社"),
    ("住房和城乡建设", "住建"),
    ("住房城乡建设", "住建"),
    ("市场监督管理", "市场监管"),
    ("科学技术", "科技"),
    ("人民政府", "政府"),
    ("委员会", "委"),
    ("办公室", "办"),
)
_LEVEL_PREFIX = re.compile(r"^(省|市|县|区|自治区|自治州)(?!场|级)")


def _normal_form(name: str) -> str:
    text = clean_name(name)
    for long, short in _ABBREVIATIONS:
        text = text.replace(long, short)
    return text


def _level_and_body(name: str) -> tuple[str, str]:
    match = _LEVEL_PREFIX.match(name)
    return (match.group(1), name[match.end() :]) if match else ("", name)


def suggest_aliases(names: Iterable[str], directory: UnitDirectory) -> list[tuple[str, ...]]:
    """Groups of names that look like one unit (the same after the usual abbreviations, or
    differing only by a level prefix of their own level) and are not yet one unit."""
    by_form: dict[str, set[str]] = {}
    for name in {clean_name(n) for n in names if clean_name(n)}:
        _, body = _level_and_body(_normal_form(name))
        by_form.setdefault(body, set()).add(name)
    groups: list[tuple[str, ...]] = []
    for _body, members in sorted(by_form.items()):
        by_level: dict[str, set[str]] = {}
        for m in members:
            by_level.setdefault(_level_and_body(_normal_form(m))[0], set()).add(m)
        levelled = [lv for lv in by_level if lv]
        if len(levelled) <= 1:
            candidates = [members]
        else:
            # 省财政厅 and 市财政局 are different units; a name without a level could be
            # either, so it is left to the clerk.
            candidates = [by_level[lv] for lv in levelled]
        for group in candidates:
            if len(group) < 2 or len({directory.canonical(m) for m in group}) < 2:
                continue  # alone, or already one unit
            groups.append(tuple(sorted(group, key=lambda m: (-len(m), m))))
    return groups


@dataclass(frozen=True, slots=True)
class DirectoryUnit:
    """A unit name as some plan writes it, and the unit it counts as."""

    name: str
    canonical: str
    task_count: int
    plans: tuple[str, ...]

    @property
    def is_alias(self) -> bool:
        return self.canonical != self.name


@dataclass(frozen=True, slots=True)
class DirectoryListing:
    """What the 单位名录 shows: every name across the plans, the log (newest first) and
    the groups that look like one unit (suggestions only)."""

    units: tuple[DirectoryUnit, ...]
    entries: tuple[DirectoryEntry, ...]
    suggestions: tuple[tuple[str, ...], ...]
    editable: bool
