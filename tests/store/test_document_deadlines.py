"""A deadline the document writes (完成时限) is the task's, until the office says otherwise."""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

from domain.schedule import Deadline
from domain.status_lights import Light
from models.database import SCHEMA_HEAD, schema_revision
from models.fast_read import read_first_fill
from models.store import Store
from plan_parser import parse_plan_text

PLAN = """《优化营商环境行动方案》重点任务分工方案

黑龙江省人民政府办公厅
2019年3月1日

一、深化“放管服”改革

1.全面推行“证照分离”改革。（省发展改革委牵头，省市场监管局配合）

2.压缩企业开办时间至3个工作日以内。（省市场监管局负责，2019年6月底前完成）

3.常态化开展营商环境评价。（省营商环境局负责，长期坚持）

4.编制政务服务事项清单。（省政务服务中心负责，年底前完成）

5.报送工作进展。（省营商环境局负责，每季度末）
"""


def _office(path: Path) -> Store:
    store = Store.open(path, seed_default_plan=False)
    store.set_office(None, coordinating_office=True)
    store.import_plan(parse_plan_text(PLAN))
    return store


def _deadlines(store: Store) -> dict[int, tuple[Deadline | None, str]]:
    return {t.number: (t.deadline, t.deadline_text) for t in store.plan_view().all_tasks()}


def test_the_documents_deadlines_are_kept_and_light_the_tasks(tmp_path: Path) -> None:
    with _office(tmp_path / "office.sqlite") as store:
        assert _deadlines(store) == {
            1: (None, ""),
            2: (Deadline(date=dt.date(2019, 6, 30)), "2019年6月底前完成"),
            3: (Deadline(long_term=True), "长期坚持"),
            4: (Deadline(date=dt.date(2019, 12, 31)), "年底前"),  # the plan's year
            5: (None, "每季度末"),  # recurring: kept as written, no single date
        }
        view, lights = store.lights(dt.date(2019, 7, 1))
        task = {t.number: t.id for t in view.all_tasks()}
        assert lights[task[2]].light is Light.OVERDUE
        assert lights[task[3]].light is not Light.OVERDUE
        assert lights[task[4]].light is not Light.OVERDUE
        path = store.path
    # The start-up reader gives the same.
    fill = read_first_fill(path)
    assert fill is not None
    assert {t.number: (t.deadline, t.deadline_text) for t in fill.plans[0].all_tasks()} == {
        1: (None, ""),
        2: (Deadline(date=dt.date(2019, 6, 30)), "2019年6月底前完成"),
        3: (Deadline(long_term=True), "长期坚持"),
        4: (Deadline(date=dt.date(2019, 12, 31)), "年底前"),
        5: (None, "每季度末"),
    }


def test_the_office_overrides_and_a_cleared_deadline_falls_back_to_the_document(
    tmp_path: Path,
) -> None:
    with _office(tmp_path / "office.sqlite") as store:
        view = store.plan_view()
        two = view.task_by_number(2)
        one = view.task_by_number(1)
        assert two is not None and one is not None
        store.set_deadline(Deadline(date=dt.date(2020, 3, 31)), task_id=two.id, reason="延期")
        store.set_deadline(Deadline(date=dt.date(2021, 1, 1)), task_id=None, reason="全方案")
        got = _deadlines(store)
        assert got[2][0] == Deadline(date=dt.date(2020, 3, 31))  # the office's word first
        assert got[1][0] == Deadline(date=dt.date(2021, 1, 1))  # no own: the plan's
        assert got[3][0] == Deadline(long_term=True)  # the document's before the plan's
        store.set_deadline(None, task_id=two.id, reason="按原文")
        assert _deadlines(store)[2][0] == Deadline(date=dt.date(2019, 6, 30))


def test_plans_stored_before_are_read_again_when_the_file_is_upgraded(tmp_path: Path) -> None:
    path = tmp_path / "office.sqlite"
    _office(path).close()
    with sqlite3.connect(path) as conn:  # as a file written before deadlines were kept
        for column in ("deadline_text", "deadline", "deadline_long_term"):
            conn.execute(f"ALTER TABLE tasks DROP COLUMN {column}")
        conn.execute("UPDATE alembic_version SET version_num = '0009'")
    assert schema_revision(path) == "0009"
    with Store.open(path) as store:
        assert schema_revision(path) == SCHEMA_HEAD
        got = _deadlines(store)
    assert got[2] == (Deadline(date=dt.date(2019, 6, 30)), "2019年6月底前完成")
    assert got[3] == (Deadline(long_term=True), "长期坚持")
    assert got[5] == (None, "每季度末")
