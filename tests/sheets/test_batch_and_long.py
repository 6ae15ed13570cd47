"""All units at once, one file per unit, and text far longer than any page."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from pypdf import PdfReader

from domain.records import PlanView
from sheets import (
    SheetOptions,
    all_units_sheet,
    plan_table,
    safe_file_name,
    split_unit_sheets,
    task_sheet,
    unit_sheet,
)
from tests.sheets.conftest import pdf_pages, replace_task_text, squash


def test_all_units_one_pdf_each_unit_from_page_one(
    seed_plan: PlanView,
    tmp_path: Path,
    options: SheetOptions,
    pdf_text: Callable[[Path], str],
) -> None:
    out = tmp_path / "all.pdf"
    all_units_sheet(seed_plan, out, options)
    pages = pdf_pages(out)
    units = seed_plan.units()
    assert len(units) == 27
    starts = [i for i, text in enumerate(pages) if "任务分工责任清单" in text]
    assert len(starts) == 27  # every unit starts a page of its own
    for index, unit in zip(starts, units, strict=True):
        assert f"责任单位：{unit.unit_name}" in squash(pages[index])
        assert "— 1 —" in pages[index]  # numbering restarts per unit


def test_split_writes_one_safely_named_file_per_unit(
    seed_plan: PlanView, tmp_path: Path, options: SheetOptions
) -> None:
    files = split_unit_sheets(seed_plan, tmp_path / "out", options)
    assert len(files) == 27 == len({f.name for f in files})
    assert files[0].name == "任务分工责任清单-省知识产权局.pdf"
    assert all(f.stat().st_size > 1000 for f in files)
    assert not list((tmp_path / "out").glob("*.partial"))


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("省公安厅", "省公安厅.pdf"),
        ('a/b\\c:d*e?f"g<h>i|j', "a_b_c_d_e_f_g_h_i_j.pdf"),
        ("CON", "_CON.pdf"),
        ("名称. ", "名称.pdf"),
        ("", "未命名.pdf"),
    ],
)
def test_safe_file_name(name: str, expected: str) -> None:
    assert safe_file_name(name) == expected


def long_text(seed_plan: PlanView) -> str:
    """Ten times the longest seed task, each copy tagged so a lost piece shows."""
    longest = max(seed_plan.all_tasks(), key=lambda t: len(t.text)).text
    return "".join(f"【第{i}段】{longest}" for i in range(1, 11))


def test_a_task_ten_times_the_longest_lays_out_everywhere(
    seed_plan: PlanView, tmp_path: Path, options: SheetOptions
) -> None:
    text = long_text(seed_plan)
    assert len(text) > 2000
    plan = replace_task_text(seed_plan, 23, text)  # a 省公安厅 task
    outputs = {
        "unit": lambda p: unit_sheet(plan, "省公安厅", p, options),
        "table": lambda p: plan_table(plan, p, options),
        "portrait": lambda p: plan_table(plan, p, SheetOptions(landscape=False)),
        "task": lambda p: task_sheet(plan, 23, p, options=options),
    }
    for name, make in outputs.items():
        out = tmp_path / f"{name}.pdf"
        make(out)
        pages = [squash(t) for t in pdf_pages(out)]
        joined = "".join(pages)
        for i in range(1, 11):
            assert joined.count(f"【第{i}段】") == 1, (name, i)
        if name in ("unit", "task"):
            assert len(PdfReader(out).pages) >= 2, name
