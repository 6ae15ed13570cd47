"""方案更名 and 移除: the coordinating office's plan changes, on every PC; nothing deleted.
Two plans with one title are told apart wherever a plan is chosen."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from domain.exchange_records import ExportScope
from domain.plan_names import plan_labels
from domain.records import PlanSummary
from exchange.service import export_to
from models.errors import StoreError
from models.fast_read import read_first_fill
from plan_parser import parse_plan_text
from tests.exchange.offices import import_all, office, trust_each_other
from tests.store.test_flagged_tasks import PLAN


@pytest.mark.usefixtures("office_engine")  # the office on SQLite and PostgreSQL
def test_rename_and_remove_travel_and_keep_the_data(tmp_path: Path) -> None:
    coord = office(tmp_path, "coord", None)
    police = office(tmp_path, "police", "省公安厅")
    trust_each_other(coord, police)
    plan_id = coord.import_plan(parse_plan_text(PLAN)).id
    police.import_plan(parse_plan_text(PLAN))

    coord.rename_plan(plan_id, "营商环境重点任务分工方案（2026年修订）", reason="领导小组要求")
    assert [p.title for p in coord.plans()][1] == "营商环境重点任务分工方案（2026年修订）"
    assert coord.plan_views()[1].title == "营商环境重点任务分工方案（2026年修订）"
    coord.remove_plan(plan_id, reason="已被新方案取代")
    assert [p.id for p in coord.plans()] == [coord.default_plan_id()] and len(coord.plans()) == 1
    assert len(coord.plan_views()) == 1
    kept = [p for p in coord.plans(include_removed=True) if p.id == plan_id]
    assert kept and kept[0].removed and kept[0].task_count == 4  # data kept, only hidden
    assert coord.plan_view(plan_id).removed

    folder = tmp_path / "stick"
    folder.mkdir()
    import_all(police, export_to(coord, folder, ExportScope.PLAN_ONLY, plan_id=plan_id))
    assert len(police.plans()) == 1
    (hidden,) = [v for v in police.plan_views(include_removed=True) if v.id == plan_id]
    assert hidden.removed and hidden.title == "营商环境重点任务分工方案（2026年修订）"

    coord.remove_plan(plan_id, reason="误操作，恢复", removed=False)
    assert len(coord.plans()) == 2
    kinds = [c.kind for c in coord.plan_change_log(plan_id)]
    assert kinds == ["rename_plan", "remove_plan", "remove_plan"]
    coord.close()
    police.close()


def test_only_the_office_renames_and_a_reason_is_needed(tmp_path: Path) -> None:
    police = office(tmp_path, "police", "省公安厅")
    with pytest.raises(StoreError) as caught:
        police.rename_plan(police.default_plan_id(), "新名称", reason="x")
    assert caught.value.code == "not_coordinating_office"
    coord = office(tmp_path, "coord2", None)
    with pytest.raises(StoreError) as caught:
        coord.remove_plan(coord.default_plan_id(), reason="  ")
    assert caught.value.code == "empty_reason"
    police.close()
    coord.close()


def test_first_fill_hides_a_removed_plan(tmp_path: Path) -> None:
    coord = office(tmp_path, "coord", None)
    if not str(coord.path).endswith(".sqlite"):
        pytest.skip("the first fill reads SQLite files only")
    plan_id = coord.import_plan(parse_plan_text(PLAN)).id
    coord.remove_plan(plan_id, reason="已被新方案取代")
    coord.close()
    fill = read_first_fill(coord.path)
    assert fill is not None and [p.id for p in fill.plans] == [coord.default_plan_id()]


def _summary(pid: str, title: str, issuer: str, day: dt.date | None) -> PlanSummary:
    return PlanSummary(pid, title, issuer, day, pid * 8, 10)


def test_plans_with_one_title_told_apart() -> None:
    plans = [
        _summary("a", "重点任务分工方案", "某省人民政府办公厅", dt.date(2016, 10, 11)),
        _summary("b", "重点任务分工方案", "某省人民政府办公厅", dt.date(2021, 3, 1)),
        _summary("c", "另一份方案", "", None),
        _summary("d", "考核方案", "", None),
        _summary("e", "考核方案", "", None),
    ]
    assert plan_labels(plans) == [
        ("a", "重点任务分工方案（某省人民政府办公厅，2016-10-11）"),
        ("b", "重点任务分工方案（某省人民政府办公厅，2021-03-01）"),
        ("c", "另一份方案"),
        ("d", "考核方案（未注明发文机关）（第 1 份）"),
        ("e", "考核方案（未注明发文机关）（第 2 份）"),
    ]


def test_new_change_kinds_are_described_in_the_ledger_words() -> None:
    from domain.exchange_records import PlanChange
    from supervision.change_words import describe, kind_text

    def change(kind: str, payload: str) -> PlanChange:
        return PlanChange("c", "p", "i", 1, 1, "2026-05-01T00:00:00+00:00", kind, None, payload, "")

    assert describe(change("rename_plan", '{"title": "新名称"}')) == "方案名称改为：新名称"
    assert describe(change("remove_plan", '{"removed": false}')) == "恢复方案"
    assert describe(change("not_a_task", "{}")).startswith("这一行不是任务")
    assert kind_text(change("remove_plan", "{}")) == "移除方案"
