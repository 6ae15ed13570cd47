"""任务分工责任清单: one unit's tasks, roles and progress, and nothing of anyone else's."""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest
from pypdf import PdfReader
from reportlab.lib.pagesizes import A4

from domain.enums import ProgressStatus
from domain.records import PlanView
from sheets import SheetOptions, UnknownUnitError, fonts, unit_sheet
from tests.sheets.conftest import EXT_B, RARE_NAMES, pdf_pages, revision, squash, with_progress
from tests.sheets.pdfcheck import MM, embedded, page_fonts, text_positions

POLICE = "省公安厅"
POLICE_TASKS = {20, 23, 25}


@pytest.fixture
def police_plan(seed_plan: PlanView) -> PlanView:
    t20 = seed_plan.task_by_number(20)
    assert t20 is not None
    done = revision(
        t20,
        POLICE,
        ProgressStatus.IN_PROGRESS,
        60,
        work="开展专项行动，查办案件12起。",
        problems="跨区域协作不畅。",
    )
    # Another unit's progress on a shared task must not show on the police sheet.
    other = revision(t20, "省商务厅", ProgressStatus.DONE, 100, work="商务厅已办结此项。")
    return with_progress(seed_plan, {20: [done, other]})


@pytest.fixture
def police_pdf(police_plan: PlanView, tmp_path: Path, options: SheetOptions) -> Path:
    out = tmp_path / "police.pdf"
    unit_sheet(police_plan, POLICE, out, options)
    return out


def test_holds_the_units_tasks_and_nothing_else(
    police_plan: PlanView, police_pdf: Path, pdf_text: Callable[[Path], str]
) -> None:
    text = pdf_text(police_pdf)
    for task in police_plan.all_tasks():
        if task.number in POLICE_TASKS:
            assert squash(task.text) in text, task.number
        else:
            assert squash(task.text)[:30] not in text, task.number
    lines = {line.strip() for page in pdf_pages(police_pdf) for line in page.splitlines()}
    numbers = {int(line) for line in lines if line.isdigit()}
    assert numbers == POLICE_TASKS


def test_roles_other_units_and_progress(police_pdf: Path, pdf_text: Callable[[Path], str]) -> None:
    text = pdf_text(police_pdf)
    assert "责任单位：省公安厅" in text
    assert "负责任务（3项）" in text
    assert "牵头任务" not in text and "配合任务" not in text
    assert "牵头：哈尔滨海关" in text  # task 25's other unit and its role
    assert "推进中60%" in text and "2024年05月06日" in text
    assert "开展专项行动，查办案件12起。" in text and "跨区域协作不畅。" in text
    assert "商务厅已办结此项" not in text  # another unit's report
    assert text.count("未报送，请填写") == 2  # tasks 23 and 25: ruled space instead


def test_a4_portrait_within_gbt9704_margins(police_pdf: Path) -> None:
    reader = PdfReader(police_pdf)
    for page in reader.pages:
        box = page.mediabox
        assert float(box.width) == pytest.approx(A4[0], abs=0.5)
        assert float(box.height) == pytest.approx(A4[1], abs=0.5)
    positions = text_positions(police_pdf)
    body = [(x, y, t) for x, y, t in positions if y > 35 * MM]
    footer = [(x, y, t) for x, y, t in positions if y <= 35 * MM]
    assert body and footer
    assert min(x for x, _, _ in body) >= 28 * MM - 1
    assert max(x for x, _, _ in body) <= A4[0] - 26 * MM
    assert max(y for _, y, _ in body) <= A4[1] - 37 * MM
    lines: dict[float, str] = {}
    starts: dict[float, float] = {}
    for x, y, t in footer:  # one drawString may come out as several runs
        lines[round(y, 1)] = lines.get(round(y, 1), "") + t
        starts.setdefault(round(y, 1), x)
    # Page number "— 1 —" with its top 7 mm under the type area, odd page: on the right.
    number_y = next(y for y, t in lines.items() if "— 1 —" in t)
    assert number_y + 14 * 0.75 <= 35 * MM - 7 * MM
    assert starts[number_y] > A4[0] / 2
    assert any("648A-D7CF-342E" in t for t in lines.values())  # seed fingerprint, short


def test_every_font_is_embedded(police_pdf: Path) -> None:
    found = page_fonts(police_pdf)
    assert found
    for name, font in found.items():
        assert embedded(font), name
        assert "+Duban" in name, name  # a subset of a shipped font, nothing standard
    if shutil.which("pdffonts"):
        report = subprocess.run(
            ["pdffonts", str(police_pdf)], capture_output=True, text=True, check=True
        ).stdout.splitlines()[2:]
        assert report and all(" yes " in line for line in report), report


def test_rare_and_extension_b_characters_are_set_not_dropped(
    small_plan: PlanView,
    tmp_path: Path,
    options: SheetOptions,
    pdf_text: Callable[[Path], str],
) -> None:
    out = tmp_path / "jia.pdf"
    unit_sheet(small_plan, "省甲厅", out, options)
    text = pdf_text(out)
    assert RARE_NAMES in text
    assert EXT_B in text
    assert "<报告>&建议" in text  # escaped in markup, printed as typed
    names = set(page_fonts(out))
    assert any(fonts.FONT_FILES[fonts.FALLBACK].removesuffix(".ttf") in n for n in names)


def test_units_are_found_by_name_without_province_prefix(
    police_plan: PlanView,
    tmp_path: Path,
    options: SheetOptions,
    pdf_text: Callable[[Path], str],
) -> None:
    out = tmp_path / "p.pdf"
    unit_sheet(police_plan, "公安厅", out, options)
    assert "责任单位：省公安厅" in pdf_text(out)


def test_unknown_unit_is_an_error_and_writes_nothing(seed_plan: PlanView, tmp_path: Path) -> None:
    with pytest.raises(UnknownUnitError):
        unit_sheet(seed_plan, "省不存在厅", tmp_path / "x.pdf")
    assert list(tmp_path.iterdir()) == []


def test_writes_into_an_open_file(seed_plan: PlanView, options: SheetOptions) -> None:
    import io

    buffer = io.BytesIO()
    unit_sheet(seed_plan, POLICE, buffer, options)
    assert buffer.getvalue().startswith(b"%PDF")


def test_same_data_gives_the_same_bytes(
    police_plan: PlanView, tmp_path: Path, options: SheetOptions
) -> None:
    """With a fixed date the PDF is reproducible: a re-print can be compared to a file."""
    a, b = tmp_path / "a.pdf", tmp_path / "b.pdf"
    unit_sheet(police_plan, POLICE, a, options)
    unit_sheet(police_plan, POLICE, b, options)
    assert a.read_bytes() == b.read_bytes()
