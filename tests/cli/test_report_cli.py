"""Reports on the command line, end to end on real files: the rules, withdrawal, and the
office's review and 批示 travelling to a unit's PC through one exchange file each way."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

POLICE = "省公安厅"


def task_of(plan: dict[str, Any], number: int) -> dict[str, Any]:
    for section in plan["sections"]:
        for task in section["tasks"] + [t for s in section["subsections"] for t in s["tasks"]]:
            if task["number"] == number:
                return task
    raise AssertionError(number)


def add(cli, db: str, *extra: str):  # type: ignore[no-untyped-def]
    return cli("progress", "add", "--db", db, "--task", "23", "--unit", POLICE, *extra)


def test_rules_refuse_with_a_chinese_message_and_write_nothing(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    db = str(tmp_path / "d.sqlite")
    assert cli("office", "--db", db, "--unit", POLICE).code == 0
    blank = add(cli, db, "--text", "", "--percent", "0")
    assert blank.code == 1 and "请填写工作进展" in blank.err and "请填写填报人" in blank.err
    no_reporter = add(cli, db, "--text", "推进中", "--percent", "20")
    assert no_reporter.code == 1 and "请填写填报人" in no_reporter.err
    done30 = add(cli, db, "--text", "完成", "--status", "已完成", "--percent", "30",
                 "--reporter", "张三")  # fmt: skip
    assert done30.code == 1 and "100%" in done30.err
    plan = cli("plan", "--db", db, "--json").json()["plans"][0]
    assert task_of(plan, 23)["progress"] == []

    first = add(cli, db, "--text", "部署专项行动", "--status", "推进中", "--percent", "60",
                "--reporter", "张三", "--phone", "0451-8888")  # fmt: skip
    assert first.code == 0, first.err
    # 填报人 and 电话 are remembered on this PC; status and percent start from the last report.
    again = add(cli, db, "--text", "继续推进")
    assert again.code == 0 and "推进中 60%" in again.out and "张三" in again.out, again.err
    lower = add(cli, db, "--text", "重新核算", "--percent", "40")
    assert lower.code == 1 and "低于本单位上次" in lower.err
    explained = add(cli, db, "--text", "重新核算", "--percent", "40", "--reason", "统计口径调整")
    assert explained.code == 0, explained.err
    done = add(cli, db, "--text", "全部完成", "--status", "done")
    assert done.code == 0 and "已完成 100%" in done.out, done.err

    revision = re.search(r"修订 ([0-9a-f-]{36})", done.out).group(1)  # type: ignore[union-attr]
    unexplained_edit = add(cli, db, "--text", "全部完成。", "--edit", revision)
    assert unexplained_edit.code == 1 and "修改原因" in unexplained_edit.err
    edit = add(cli, db, "--text", "全部完成。", "--edit", revision, "--reason", "补句号")
    assert edit.code == 0, edit.err
    progress = task_of(cli("plan", "--db", db, "--json").json()["plans"][0], 23)["progress"]
    assert [(p["percent"], p["phone"], p["reason"]) for p in progress] == [
        (100, "0451-8888", "补句号")
    ]


def test_withdraw_stops_counting_and_stays_in_history(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    db = str(tmp_path / "d.sqlite")
    assert cli("office", "--db", db, "--unit", POLICE).code == 0
    assert add(cli, db, "--text", "报错了任务", "--percent", "30", "--reporter", "张三").code == 0
    withdraw = ("progress", "withdraw", "--db", db, "--task", "23", "--unit", POLICE)
    no_reason = cli(*withdraw)
    assert no_reason.code == 2  # --reason is required
    blank = cli(*withdraw, "--reason", " ")
    assert blank.code == 1 and "撤回原因" in blank.err
    done = cli(*withdraw, "--reason", "误报到本任务")
    assert done.code == 0 and "已撤回" in done.out, done.err
    plan = cli("plan", "--db", db, "--json").json()["plans"][0]
    assert task_of(plan, 23)["progress"] == []
    nothing = cli(*withdraw, "--reason", "再撤一次")
    assert nothing.code == 1 and "没有可以撤回" in nothing.err
    status = cli("status", "--db", db, "--as-of", "2026-06-01", "--json").json()
    assert status  # the figures still compute with a withdrawn report in the history


def _fingerprint(cli, db: str) -> str:  # type: ignore[no-untyped-def]
    shown = cli("keys", "--db", db, "--show")
    return re.search(r"本机密钥指纹：([0-9A-F ]{39})", shown.out).group(1)  # type: ignore[union-attr]


def _light(cli, db: str, number: int, as_of: str) -> str:  # type: ignore[no-untyped-def]
    data = cli("status", "--db", db, "--as-of", as_of, "--json").json()
    return next(t["light"] for t in data["tasks"] if t["number"] == number)


def test_office_returns_and_instructs_unit_sees_both(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    unit, office = str(tmp_path / "unit.sqlite"), str(tmp_path / "office.sqlite")
    to_office, to_unit = tmp_path / "to-office", tmp_path / "to-unit"
    to_office.mkdir(), to_unit.mkdir()
    assert cli("office", "--db", unit, "--unit", POLICE).code == 0
    assert cli("office", "--db", office, "--coordinating-office").code == 0
    unit_fp, office_fp = _fingerprint(cli, unit), _fingerprint(cli, office)
    assert cli("rounds", "--db", office, "--dates", "2026-03-31,2026-06-30").code == 0
    assert add(cli, unit, "--text", "开展专项打击", "--percent", "50", "--reporter", "张三",
               "--date", "2026-03-20").code == 0  # fmt: skip

    # A unit may neither review nor instruct.
    refused = cli("review", "--db", unit, "--task", "23", "--unit", POLICE, "--accept")
    assert refused.code == 1 and "只有协调办公室" in refused.err
    refused = cli("instruct", "--db", unit, "--task", "23", "--text", "抓紧", "--by", "某某")
    assert refused.code == 1 and "只有协调办公室" in refused.err

    assert cli("exchange", "export", "--db", unit, "-o", str(to_office)).code == 0
    (unit_file,) = to_office.iterdir()
    trusted = cli("keys", "--db", office, "--trust", str(unit_file), "--fingerprint", unit_fp)
    assert trusted.code == 0, trusted.err
    imported = cli("exchange", "import", "--db", office, str(unit_file))
    assert imported.code == 0 and "新记录 1 条" in imported.out, imported.out + imported.err

    no_reason = cli("review", "--db", office, "--task", "23", "--unit", POLICE, "--return")
    assert no_reason.code == 1 and "须写明原因" in no_reason.err
    back = cli("review", "--db", office, "--task", "23", "--unit", POLICE, "--return",
               "--reason", "未写明打击数量", "--by", "督查室李四")  # fmt: skip
    assert back.code == 0 and "退回修改" in back.out, back.err
    said = cli("instruct", "--db", office, "--task", "23", "--text",
               "请公安厅加大力度，月底前报结果", "--by", "王副省长",
               "--date", "2026-04-02")  # fmt: skip
    assert said.code == 0, said.err
    assert _light(cli, office, 23, "2026-04-10") == "unreported"

    assert cli("exchange", "export", "--db", office, "--all", "-o", str(to_unit)).code == 0
    (office_file,) = to_unit.iterdir()
    trusted = cli("keys", "--db", unit, "--trust", str(office_file), "--fingerprint", office_fp)
    assert trusted.code == 0, trusted.err
    got = cli("exchange", "import", "--db", unit, str(office_file))
    assert got.code == 0, got.out + got.err
    assert "审核意见 1 条" in got.out and "领导批示 1 条" in got.out

    task = task_of(cli("plan", "--db", unit, "--json").json()["plans"][0], 23)
    assert [p["review"] for p in task["progress"]] == ["returned"]
    assert [(r["decision"], r["reason"], r["reviewer"]) for r in task["reviews"]] == [
        ("returned", "未写明打击数量", "督查室李四")
    ]
    assert task["instructions"] == [
        {"text": "请公安厅加大力度，月底前报结果", "by": "王副省长", "date": "2026-04-02"}
    ]
    assert _light(cli, unit, 23, "2026-04-10") == "unreported"

    # The unit's next report clears the return.
    assert add(cli, unit, "--text", "已打掉团伙 3 个", "--date", "2026-04-08").code == 0
    task = task_of(cli("plan", "--db", unit, "--json").json()["plans"][0], 23)
    assert [p["review"] for p in task["progress"]] == ["pending"]
    assert _light(cli, unit, 23, "2026-04-10") == "pending_review"


def test_a_units_file_carrying_a_review_is_refused_for_it(tmp_path: Path) -> None:
    """Only the coordinating office may review: a unit's file that carries a review (a
    forgery, or a relay) is refused for those records; its own progress still merges."""
    import dataclasses

    from domain.enums import ReviewDecision
    from domain.exchange_records import ExportScope, RecordProblem
    from exchange.service import import_file
    from tests.exchange.offices import office, report, trust_each_other
    from tests.signing.helpers import write_signed

    coord = office(tmp_path, "coord", None)
    police = office(tmp_path, "police", POLICE)
    trust_each_other(coord, police)
    rev = report(police, 23, POLICE, 40)
    bundle = police.export_bundle(ExportScope.UNIT)
    # The unit's PC "reviews" its own report and signs the file with its own key.
    coord_review = dataclasses.replace(
        _review_for(rev, police.installation().id), decision=ReviewDecision.ACCEPTED
    )
    forged = dataclasses.replace(bundle, reviews=(coord_review,))
    path = write_signed(forged, tmp_path / "usb" / "forged.duban", police.signer())
    outcome = import_file(coord, path)
    assert outcome.report is not None and outcome.report.new_revisions == 1
    assert [(r.record_id, r.problem) for r in outcome.report.rejected] == [
        (coord_review.review_id, RecordProblem.REVIEW_NOT_FROM_OFFICE)
    ]
    task = coord.plan_view().task_by_number(23)
    assert task is not None and task.reviews == ()


def _review_for(rev, author: str):  # type: ignore[no-untyped-def]
    from domain.enums import ReviewDecision
    from domain.records import ReportReview

    return ReportReview(
        review_id="0b6f3c1e-2a4d-4e5f-8a9b-0c1d2e3f4a5b",
        report_id=rev.report_id,
        revision_id=rev.revision_id,
        task_id=rev.task_id,
        unit_id=rev.unit_id,
        author_installation_id=author,
        author_seq=99,
        lamport=99,
        authored_at="2026-04-01T00:00:00+00:00",
        decision=ReviewDecision.RETURNED,
        reason="伪造",
    )
