"""Supervision layer: a plan change (计划修订) in Chinese words, for the ledger's sheet.

The window has its own translated wording (ui/supervision/plan_changes_view.py, through
Qt's tr); paperwork is Chinese only, so this one needs no Qt.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from domain.enums import Role
from domain.exchange_records import PlanChange

KIND_WORDS = {
    "deadline": "完成时限",
    "rounds": "报送节点",
    "edit_task": "修改任务",
    "add_task": "新增任务",
    "close_task": "办结销号",
    "attachment_limits": "佐证材料限额",
    "not_a_task": "不是任务",
    "rename_plan": "方案更名",
    "remove_plan": "移除方案",
}
ROUND_WORDS = {"monthly": "每月", "quarterly": "每季度", "dates": "指定日期"}
#: How much of a task's text a line quotes.
QUOTE = 60


def kind_text(change: PlanChange) -> str:
    return KIND_WORDS.get(change.kind, change.kind)


def local_time(authored_at: str) -> str:
    """UTC ISO-8601 as the PC's local time ("2026-05-01 09:30"); the text if unreadable."""
    try:
        moment = dt.datetime.fromisoformat(authored_at)
    except ValueError:
        return authored_at
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=dt.UTC)
    return moment.astimezone().strftime("%Y-%m-%d %H:%M")


def _quote(text: str) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= QUOTE else text[: QUOTE - 1] + "…"


def _units(units: list[dict[str, Any]]) -> str:
    return "、".join(f"{u['name']}（{Role(u['role']).value}）" for u in units)


def describe(change: PlanChange) -> str:
    """What the change did, in one line; a payload this version cannot read says so."""
    try:
        data = json.loads(change.payload)
        return _describe(change, data)
    except (ValueError, KeyError, TypeError, AttributeError):
        return "（本版本无法读取这项修订的内容）"


def _describe(change: PlanChange, data: dict[str, Any]) -> str:
    whole = "整个方案：" if change.task_id is None else ""
    if change.kind == "deadline":
        if data.get("clear"):
            return whole + "清除完成时限"
        if data.get("long_term"):
            return whole + "长期坚持"
        day = dt.date.fromisoformat(data["date"])
        return whole + f"{day.year}年{day.month}月{day.day}日前完成"
    if change.kind == "rounds":
        kind = ROUND_WORDS.get(data["kind"], data["kind"])
        if data["kind"] == "monthly":
            kind += f" {int(data.get('day') or 0)} 日"
        if data["kind"] == "dates":
            kind += "：" + "、".join(data.get("dates") or ())
        return kind + (f"（自 {data['start']} 起）" if data.get("start") else "")
    if change.kind == "edit_task":
        parts = []
        if "text" in data:
            parts.append(f"内容改为：{_quote(data['text'])}")
        if "units" in data:
            parts.append(f"责任单位：{_units(data['units'])}")
        return "；".join(parts)
    if change.kind == "add_task":
        return f"任务 {data['number']}：{_quote(data['text'])}；{_units(data['units'])}"
    if change.kind == "close_task":
        return "办结销号" if data.get("closed", True) else "恢复办理"
    if change.kind == "attachment_limits":
        return "调整佐证材料的数量和大小限额"
    if change.kind == "not_a_task" and data.get("joined_into"):
        return "并入上一项任务（记录保留）"
    if change.kind == "not_a_task":
        return "这一行不是任务，移出方案（记录保留）"
    if change.kind == "rename_plan":
        return f"方案名称改为：{_quote(data['title'])}"
    if change.kind == "remove_plan":
        return "移除方案（数据保留）" if data.get("removed", True) else "恢复方案"
    raise ValueError(change.kind)
