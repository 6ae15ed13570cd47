"""This PC's installation: its unit and its name (本机名称) change together or not at all."""

from __future__ import annotations

import platform

import pytest

from models.errors import StoreError
from models.store import Store


def test_a_new_installation_is_named_after_the_computer(store: Store) -> None:
    assert store.installation().name == (platform.node() or "本机")


def test_unit_and_name_are_set_in_one_step(store: Store) -> None:
    me = store.set_office("省公安厅", installation_name="  治安总队内勤电脑  ")
    assert (me.unit_name, me.name) == ("省公安厅", "治安总队内勤电脑")
    again = store.set_office(None, coordinating_office=True, installation_name="")
    assert again.is_coordinating_office and again.name == "治安总队内勤电脑"  # blank keeps it
    assert store.set_office("省法院").name == "治安总队内勤电脑"  # no name given: kept
    assert len(store.set_office("省法院", installation_name="电" * 150).name) == 100


def test_an_unknown_unit_changes_neither(store: Store) -> None:
    before = store.set_office("省公安厅", installation_name="内勤电脑")
    with pytest.raises(StoreError):
        store.set_office("不存在的单位", installation_name="新名字")
    assert store.installation() == before
