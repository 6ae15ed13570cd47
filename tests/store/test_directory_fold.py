"""The 单位名录 fold: the same directory whatever order the entries arrive in; undo, chains
and would-be cycles; suggestions that never group two levels."""

from __future__ import annotations

import dataclasses
import itertools
import json

import pytest

from domain.unit_directory import (
    DirectoryEntry,
    DirectoryHistory,
    change_for_entry,
    entry_from_change,
    entry_id_for,
    fold,
    suggest_aliases,
)

OFFICE = "11111111-1111-4111-8111-111111111111"


def entry(lamport: int, name: str, same_as: str = "", reason: str = "留痕") -> DirectoryEntry:
    undo = not same_as
    at = f"2026-03-0{lamport}T00:00:00+00:00"
    return DirectoryEntry(
        entry_id_for(OFFICE, lamport, lamport, at, name, same_as, undo, reason),
        OFFICE, lamport, lamport, at, name, same_as, undo, reason,
    )  # fmt: skip


LOG = [
    entry(1, "省发改委", "省发展改革委"),
    entry(2, "发改委", "省发改委"),
    entry(3, "省发展改革委", "省发改委"),  # would make a cycle: kept in the log, not applied
    entry(4, "省发改委"),  # undo
    entry(5, "省发改委", "省发展改革委"),
    entry(6, "省财政厅", "省发改委"),
]


def test_every_arrival_order_folds_alike() -> None:
    expected = fold(LOG)
    for order in itertools.permutations(LOG):
        assert fold(order) == expected
    assert expected.groups() == {"省发展改革委": ("发改委", "省发改委", "省财政厅")}
    assert expected.canonical("发改委") == "省发展改革委"  # through 省发改委


def test_undo_and_history_before_a_counter() -> None:
    history = DirectoryHistory(LOG)
    assert history.before(1).declared == {}
    assert history.before(2).canonical("省发改委") == "省发展改革委"
    assert history.before(5).canonical("省发改委") == "省发改委"  # undone at 4
    assert history.before(5).canonical("发改委") == "省发改委"  # its own entry still holds
    assert history.before(99) == fold(LOG)


def test_an_entry_travels_as_a_plan_change_and_comes_back_whole() -> None:
    first = LOG[0]
    change = change_for_entry(first, "22222222-2222-4222-8222-222222222222")
    assert entry_from_change(change) == first
    other_plan = change_for_entry(first, "33333333-3333-4333-8333-333333333333")
    assert other_plan.change_id != change.change_id and entry_from_change(other_plan) == first
    changed_reason = dataclasses.replace(change, reason="改过的原因")
    changed_name = dataclasses.replace(
        change, payload=change.payload.replace("省发改委", "省财政厅")
    )
    for bad in (
        changed_reason,  # the id no longer matches the content
        changed_name,
        dataclasses.replace(change, payload="[]"),
        dataclasses.replace(change, payload="[" * 5000 + "]" * 5000),
        dataclasses.replace(change, payload=json.dumps({"entry_id": first.entry_id})),
        dataclasses.replace(change, task_id="44444444-4444-4444-8444-444444444444"),
    ):
        with pytest.raises(ValueError):
            entry_from_change(bad)


def test_suggestions_group_abbreviations_not_levels() -> None:
    names = ["省发改委", "省发展改革委", "发展和改革委员会", "市发改委", "省财政厅", "财政厅",
             "省市场监督管理局", "省市场监管局", "市场监管总局"]  # fmt: skip
    groups = suggest_aliases(names, fold([]))
    assert ("省发展改革委", "省发改委") in groups
    assert ("省财政厅", "财政厅") in groups
    assert ("省市场监督管理局", "省市场监管局") in groups
    assert not any("市发改委" in g for g in groups)  # another level: another unit
    assert not any("市场监管总局" in g for g in groups)
    declared = fold([entry(1, "省发改委", "省发展改革委")])
    assert ("省发展改革委", "省发改委") not in suggest_aliases(names, declared)
