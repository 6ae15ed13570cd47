"""Encodings and bad input: detected, never asked; refused with a Chinese message."""

from __future__ import annotations

from pathlib import Path

import pytest

from plan_parser import PlanParseError, parse_plan_bytes, parse_plan_file

SMALL = "一、任务\n1.推进知识产权工作。（省知识产权局牵头，省财政厅配合）\n"


@pytest.mark.parametrize(
    "encode",
    [
        lambda t: t.encode("utf-8"),
        lambda t: b"\xef\xbb\xbf" + t.encode("utf-8"),
        lambda t: t.encode("gb18030"),
        lambda t: t.encode("gbk"),
        lambda t: t.encode("utf-16"),
        lambda t: t.replace("\n", "\r\n").encode("gbk"),
    ],
    ids=["utf8", "utf8-bom", "gb18030", "gbk", "utf16", "gbk-crlf"],
)
def test_encodings_are_detected(encode) -> None:  # type: ignore[no-untyped-def]
    plan = parse_plan_bytes(encode(SMALL))
    assert [u.name for u in plan.all_tasks()[0].units] == ["省知识产权局", "省财政厅"]


def test_seed_in_gb18030_gives_the_same_plan(seed_text: str) -> None:
    a = parse_plan_bytes(seed_text.encode("utf-8"))
    b = parse_plan_bytes(seed_text.encode("gb18030"))
    assert a.fingerprint == b.fingerprint and a.task_count == b.task_count == 60


@pytest.mark.parametrize(
    ("data", "code"),
    [
        (b"", "empty"),
        (b"   \n\n \r\n", "empty"),
        (bytes(range(256)) * 20, "binary"),
        (b"\x89PNG\r\n\x1a\n" + b"\x00" * 100, "binary"),
        ("这是一段普通的文字，没有编号的任务。\n第二段也一样。".encode(), "no_tasks"),
        ("一、总体要求\n二、主要目标\n".encode(), "no_tasks"),
        (b"\xff\xfe\xfa\xfb\xfc" * 50 + b"\x81", "undecodable"),
    ],
)
def test_bad_inputs_refused(data: bytes, code: str) -> None:
    with pytest.raises(PlanParseError) as info:
        parse_plan_bytes(data)
    assert (
        info.value.code in {code, "binary", "undecodable"}
        if code == "undecodable"
        else (info.value.code == code)
    )
    assert info.value.message_zh and "\n" not in info.value.message_zh


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(PlanParseError) as info:
        parse_plan_file(tmp_path / "没有这个文件.txt")
    assert info.value.code == "missing" and "找不到文件" in info.value.message_zh
