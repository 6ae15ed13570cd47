"""Window layer: turn the codes of the layers below into translated words.

Code below ``ui/`` returns enums and error codes; this module is the one place that says
them to a person. Every literal is passed to ``QCoreApplication.translate`` directly so
``pyside6-lupdate`` finds it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QLocale, Qt
from PySide6.QtGui import QBrush, QColor, QIcon, QPainter, QPixmap

from domain.enums import ProgressStatus, Role
from domain.schedule import Deadline, RoundKind, RoundRule
from domain.search import HitPlace, SearchHit
from domain.status_lights import Light, TaskLight
from domain.validation import ProgressProblem

if TYPE_CHECKING:
    from domain.records import TaskView

#: Colour of the status mark; ``None`` is "nothing reported yet" (未报送).
STATUS_COLOURS: dict[ProgressStatus | None, str] = {
    None: "#b0b7bf",
    ProgressStatus.NOT_STARTED: "#f0a020",
    ProgressStatus.IN_PROGRESS: "#2f7fd8",
    ProgressStatus.DONE: "#2e9d4f",
    ProgressStatus.BLOCKED: "#d83a34",
}


def status_text(status: ProgressStatus | None) -> str:
    if status is None:
        return QCoreApplication.translate("Words", "未报送")
    return {
        ProgressStatus.NOT_STARTED: QCoreApplication.translate("Words", "未启动"),
        ProgressStatus.IN_PROGRESS: QCoreApplication.translate("Words", "推进中"),
        ProgressStatus.DONE: QCoreApplication.translate("Words", "已完成"),
        ProgressStatus.BLOCKED: QCoreApplication.translate("Words", "受阻"),
    }[status]


def unit_report_text(task: TaskView, unit_id: str) -> str:
    """A unit's own current report as content (推进中 60%（2026-04-08）), with its review;
    "尚无报送" when it has none (未报送 is a light, not this)."""
    from domain.review_rules import ReviewState, review_state

    rev = next((r for r in task.current_progress if r.unit_id == unit_id), None)
    if rev is None:
        return QCoreApplication.translate("Words", "尚无报送")
    text = f"{status_text(rev.status)} {rev.percent}%（{rev.report_date.isoformat()}）"
    state = review_state(rev, task.reviews)
    if state is ReviewState.RETURNED:
        text += QCoreApplication.translate("Words", " · 已退回修改")
    elif state is ReviewState.ACCEPTED:
        text += QCoreApplication.translate("Words", " · 审核通过")
    elif task.reviews:
        text += QCoreApplication.translate("Words", " · 待审核")
    return text


def search_hit_text(hit: SearchHit) -> str:
    """Where a search word was found, with the words around it."""
    places = {
        HitPlace.TASK: QCoreApplication.translate("Words", "任务内容"),
        HitPlace.UNIT: QCoreApplication.translate("Words", "责任单位"),
        HitPlace.REPORT: QCoreApplication.translate("Words", "进展（{owner}）"),
        HitPlace.INSTRUCTION: QCoreApplication.translate("Words", "批示（{owner}）"),
        HitPlace.REVIEW: QCoreApplication.translate("Words", "审核意见（{owner}）"),
    }
    place = places[hit.place].format(owner=hit.owner)
    return QCoreApplication.translate("Words", "{place}：{snippet}").format(
        place=place, snippet=hit.snippet
    )


def status_colour(status: ProgressStatus | None) -> QColor:
    return QColor(STATUS_COLOURS[status])


def status_icon(status: ProgressStatus | None) -> QIcon:
    """The coloured round mark of a status (cached; needs a QGuiApplication)."""
    cached = _ICONS.get(status)
    if cached is None:
        size = 12
        pixmap = QPixmap(size, size)
        pixmap.fill(QColor(0, 0, 0, 0))
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QColor(0, 0, 0, 60))
        painter.setBrush(status_colour(status))
        painter.drawEllipse(1, 1, size - 2, size - 2)
        painter.end()
        cached = _ICONS[status] = QIcon(pixmap)
    return cached


_ICONS: dict[ProgressStatus | None, QIcon] = {}

#: Colour of each status light (督办): the same in the tree, the detail pane and the dashboard.
#: Every place that shows a colour also shows the light's name, so print and greyscale read.
LIGHT_COLOURS: dict[Light, str] = {
    # Three greys apart once printed: 已完成 dark, 正常 middle, 临期 light.
    Light.DONE: "#2b7d3f",
    Light.ON_TRACK: "#3d8fe6",
    Light.DUE_SOON: "#e0a100",
    Light.UNREPORTED: "#ec6a1f",
    Light.OVERDUE: "#c62828",
    Light.RETURNED: "#8e24aa",
    Light.PENDING_REVIEW: "#607d8b",
}


#: Textures over the colours of the two lights that need chasing: printed in grey, 未报送's
#: orange would match 正常's blue and 逾期's red 已完成's green; the hatches tell them apart.
HATCHES = {
    Light.UNREPORTED: Qt.BrushStyle.BDiagPattern,
    Light.OVERDUE: Qt.BrushStyle.DiagCrossPattern,
}


def light_brushes(light: Light) -> list[QBrush]:
    """The light's colour, then its hatch if it has one."""
    brushes = [QBrush(light_colour(light))]
    if light in HATCHES:
        brushes.append(QBrush(QColor(255, 255, 255, 150), HATCHES[light]))
    return brushes


def light_text(light: Light) -> str:
    return {
        Light.DONE: QCoreApplication.translate("Words", "已完成"),
        Light.ON_TRACK: QCoreApplication.translate("Words", "正常"),
        Light.DUE_SOON: QCoreApplication.translate("Words", "临期"),
        Light.UNREPORTED: QCoreApplication.translate("Words", "未报送"),
        Light.OVERDUE: QCoreApplication.translate("Words", "逾期"),
        Light.RETURNED: QCoreApplication.translate("Words", "已退回"),
        Light.PENDING_REVIEW: QCoreApplication.translate("Words", "待审核"),
    }[light]


def light_reason(light: Light, closed: bool = False) -> str:
    """What a light means, in one line (tooltips, the dashboard legend)."""
    if closed:
        return QCoreApplication.translate("Words", "已办结（销号）")
    return {
        Light.DONE: QCoreApplication.translate("Words", "各责任单位均已报告完成"),
        Light.ON_TRACK: QCoreApplication.translate("Words", "按计划推进"),
        Light.DUE_SOON: QCoreApplication.translate("Words", "完成时限或报送节点临近"),
        Light.UNREPORTED: QCoreApplication.translate(
            "Words", "上一报送节点已过，有责任单位未报送进展"
        ),
        Light.OVERDUE: QCoreApplication.translate("Words", "已过完成时限，尚未完成"),
        Light.RETURNED: QCoreApplication.translate(
            "Words", "协调办公室已退回修改，单位尚未重新报送（不计为已报送）"
        ),
        Light.PENDING_REVIEW: QCoreApplication.translate("Words", "单位已报送，等待协调办公室审核"),
    }[light]


def light_colour(light: Light) -> QColor:
    return QColor(LIGHT_COLOURS[light])


def light_icon(light: Light) -> QIcon:
    """The coloured round mark of a light (cached; needs a QGuiApplication)."""
    cached = _LIGHT_ICONS.get(light)
    if cached is None:
        size = 12
        pixmap = QPixmap(size, size)
        pixmap.fill(QColor(0, 0, 0, 0))
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QColor(0, 0, 0, 60))
        painter.setBrush(light_colour(light))
        painter.drawEllipse(1, 1, size - 2, size - 2)
        painter.end()
        cached = _LIGHT_ICONS[light] = QIcon(pixmap)
    return cached


_LIGHT_ICONS: dict[Light, QIcon] = {}


def deadline_text(deadline: Deadline | None) -> str:
    """完成时限 as shown: a date, 长期坚持, or 未设定."""
    if deadline is None or (deadline.date is None and not deadline.long_term):
        return QCoreApplication.translate("Words", "未设定")
    if deadline.long_term:
        return QCoreApplication.translate("Words", "长期坚持")
    assert deadline.date is not None
    return deadline.date.isoformat()


def days_left_text(days: int) -> str:
    if days > 0:
        return QCoreApplication.translate("Words", "还有 {n} 天").format(n=days)
    if days == 0:
        return QCoreApplication.translate("Words", "今天到期")
    return QCoreApplication.translate("Words", "已超过 {n} 天").format(n=-days)


def rounds_text(rule: RoundRule | None) -> str:
    """报送节点 as shown: 每月 25 日 / 每季度末 / 指定日期 …, with the start date."""
    if rule is None:
        return QCoreApplication.translate("Words", "未设定")
    if rule.kind is RoundKind.MONTHLY:
        text = QCoreApplication.translate("Words", "每月 {day} 日").format(day=rule.day)
    elif rule.kind is RoundKind.QUARTERLY:
        text = QCoreApplication.translate("Words", "每季度末")
    else:
        dates = QCoreApplication.translate("Words", "、").join(
            d.isoformat() for d in sorted(rule.dates)
        )
        text = QCoreApplication.translate("Words", "指定日期：{dates}").format(dates=dates)
    if rule.start is not None and rule.kind is not RoundKind.DATES:
        text += QCoreApplication.translate("Words", "（自 {date} 起）").format(
            date=rule.start.isoformat()
        )
    return text


def light_tooltip(task: TaskView, light: TaskLight) -> str:
    """Why a task has its light: the reason, the deadline, who is silent, the latest report."""
    lines = [
        QCoreApplication.translate("Words", "{light}：{reason}").format(
            light=light_text(light.light), reason=light_reason(light.light, task.closed)
        )
    ]
    if task.deadline is not None:
        deadline = deadline_text(task.deadline)
        if light.days_left is not None and light.light is not Light.DONE:
            deadline += QCoreApplication.translate("Words", "（{days}）").format(
                days=days_left_text(light.days_left)
            )
        lines.append(QCoreApplication.translate("Words", "完成时限：{d}").format(d=deadline))
    if light.missing_units:
        lines.append(
            QCoreApplication.translate("Words", "未报送单位：{units}").format(
                units=unit_names(task, light.missing_units)
            )
        )
    if task.current_progress:
        rev = task.current_progress[0]
        lines.append(
            QCoreApplication.translate("Words", "最新进展：{status} {percent}%（{date}，{unit}）")
            .format(status=status_text(rev.status), percent=rev.percent,
                    date=rev.report_date.isoformat(), unit=rev.unit_name)
        )  # fmt: skip
    return "\n".join(lines)


def unit_names(task: TaskView, unit_ids: tuple[str, ...]) -> str:
    names = {a.unit_id: a.unit_name for a in task.assignments}
    return QCoreApplication.translate("Words", "、").join(names.get(u, u) for u in unit_ids)


def change_kind_text(kind: str) -> str:
    """The kind of a plan change (计划修订) in the change log."""
    texts = {
        "deadline": QCoreApplication.translate("Words", "完成时限"),
        "rounds": QCoreApplication.translate("Words", "报送节点"),
        "edit_task": QCoreApplication.translate("Words", "修改任务"),
        "add_task": QCoreApplication.translate("Words", "新增任务"),
        "close_task": QCoreApplication.translate("Words", "办结/恢复"),
        "not_a_task": QCoreApplication.translate("Words", "不是任务"),
        "rename_plan": QCoreApplication.translate("Words", "方案更名"),
        "remove_plan": QCoreApplication.translate("Words", "移除方案"),
    }
    return texts.get(kind, kind)


def role_text(role: Role) -> str:
    return {
        Role.LEAD: QCoreApplication.translate("Words", "牵头"),
        Role.RESPONSIBLE: QCoreApplication.translate("Words", "负责"),
        Role.COOPERATE: QCoreApplication.translate("Words", "配合"),
    }[role]


def coordinating_office_text() -> str:
    return QCoreApplication.translate("Words", "协调办公室")


def problem_text(problem: ProgressProblem | str) -> str:
    texts = {
        ProgressProblem.PERCENT_OUT_OF_RANGE: QCoreApplication.translate(
            "Words", "完成百分比须在 0 到 100 之间。"
        ),
        ProgressProblem.WORK_TEXT_REQUIRED: QCoreApplication.translate("Words", "请填写工作进展。"),
        ProgressProblem.REPORTER_REQUIRED: QCoreApplication.translate("Words", "请填写填报人。"),
        ProgressProblem.DONE_NEEDS_FULL_PERCENT: QCoreApplication.translate(
            "Words", "状态为“已完成”时，完成百分比应为 100%。"
        ),
        ProgressProblem.LOWER_PERCENT_NEEDS_REASON: QCoreApplication.translate(
            "Words", "完成百分比低于本单位上次报送的数值，请在“说明”中写明原因。"
        ),
        ProgressProblem.EDIT_REASON_REQUIRED: QCoreApplication.translate(
            "Words", "修改已报送的进展，请填写修改原因。"
        ),
        ProgressProblem.WITHDRAW_REASON_REQUIRED: QCoreApplication.translate(
            "Words", "撤回进展，请填写撤回原因。"
        ),
        ProgressProblem.UNIT_NOT_IN_TASK: QCoreApplication.translate(
            "Words", "该单位在此项任务中没有分工，不能为其填报进展。"
        ),
        ProgressProblem.TEXT_TOO_LONG: QCoreApplication.translate(
            "Words", "填写内容过长，请精简后再保存。"
        ),
    }
    try:
        return texts[ProgressProblem(problem)]
    except (ValueError, KeyError):
        return QCoreApplication.translate("Words", "填报内容有误（{code}）。").format(code=problem)


def _server_texts() -> dict[str, str]:
    """Words for the shared server's refusals (models.server, models.locations)."""
    return {
        "revision_superseded": QCoreApplication.translate(
            "Words",
            "这条进展在您修改期间已被他人修改并保存（{detail}）。您填写的内容未保存，仍保留在对话框中：请对照最新内容后再保存。",  # noqa: E501
        ),
        "server_unreachable": QCoreApplication.translate(
            "Words", "连不上数据库服务器，请检查主机名、端口、网络和服务器是否开机：{detail}"
        ),
        "server_auth_failed": QCoreApplication.translate(
            "Words", "数据库服务器拒绝登录，请检查用户名和密码：{detail}"
        ),
        "server_database_missing": QCoreApplication.translate(
            "Words", "服务器上没有这个数据库，请信息管理人员先建库：{detail}"
        ),
        "server_migration_unconfirmed": QCoreApplication.translate(
            "Words", "服务器上的督办数据需要升级结构，未经确认不做改动：{detail}"
        ),
        "server_busy": QCoreApplication.translate(
            "Words", "数据库服务器正忙，多次重试仍未完成，请稍后再试（数据未改动）：{detail}"
        ),
        "server_backup_failed": QCoreApplication.translate(
            "Words", "升级前用 pg_dump 备份服务器数据库失败，未做升级：{detail}"
        ),
        "shared_key_missing": QCoreApplication.translate(
            "Words",
            "这台电脑上没有协调办公室的签名密钥文件，不能签名导出（不会另造新密钥，以免各单位拒收）。请信息管理人员把密钥文件复制到：{detail}",  # noqa: E501
        ),
        "bad_database_url": QCoreApplication.translate("Words", "数据库地址写法不对：{detail}"),
        "unsupported_database_url": QCoreApplication.translate(
            "Words", "不支持这种数据库地址：{detail}"
        ),
        "bad_database_option": QCoreApplication.translate(
            "Words", "数据库地址中有不认识的连接参数：{detail}"
        ),
    }


def store_error_text(code: str, detail: str = "") -> str:
    """Words for a ``StoreError`` code; ``{detail}`` is the unit, plan or file concerned."""
    texts = {
        "unknown_unit": QCoreApplication.translate("Words", "方案中没有这个单位：{detail}"),
        "alias_needs_two": QCoreApplication.translate(
            "Words", "至少要选两个不同的单位名称，才能认定为同一单位：{detail}"
        ),
        "not_an_alias": QCoreApplication.translate(
            "Words", "这个名称目前不是其他单位的别名，无需撤销：{detail}"
        ),
        "unknown_task": QCoreApplication.translate("Words", "方案中没有这项任务：{detail}"),
        "unknown_plan": QCoreApplication.translate("Words", "没有这个方案：{detail}"),
        "plan_exists": QCoreApplication.translate("Words", "这份方案已经导入过了：{detail}"),
        "unit_not_allowed": QCoreApplication.translate(
            "Words", "本机属于{detail}，不能为其他单位填报进展。"
        ),
        "not_coordinating_office": QCoreApplication.translate(
            "Words", "只有协调办公室可以进行此项操作。"
        ),
        "empty_text": QCoreApplication.translate("Words", "任务内容不能为空。"),
        "empty_reason": QCoreApplication.translate("Words", "请写明原因（留痕）：{detail}"),
        "text_too_long": QCoreApplication.translate(
            "Words", "填写内容过长，请精简后再保存：{detail}"
        ),
        "no_units": QCoreApplication.translate("Words", "请至少指定一个责任单位。"),
        "office_only": QCoreApplication.translate(
            "Words", "只有协调办公室可以{detail}；本机不是协调办公室。"
        ),
        "return_reason_required": QCoreApplication.translate(
            "Words", "退回修改须写明原因（{detail}）。"
        ),
        "instruction_incomplete": QCoreApplication.translate(
            "Words", "领导批示须填写批示内容和批示人。"
        ),
        "no_report": QCoreApplication.translate(
            "Words", "该单位在这项任务上没有可以撤回或审核的进展：{detail}"
        ),
        "bad_warning_days": QCoreApplication.translate(
            "Words", "临期提醒天数须在 0 到 365 之间：{detail}"
        ),
        "not_a_database": QCoreApplication.translate(
            "Words", "这不是督办的数据库文件，或文件已损坏：{detail}"
        ),
        "not_a_duban_database": QCoreApplication.translate(
            "Words", "这个文件不是督办的数据库，未作任何改动：{detail}"
        ),
        "database_too_new": QCoreApplication.translate(
            "Words", "数据库由更新版本的督办创建，请升级后再打开（文件未作改动）：{detail}"
        ),
        **_server_texts(),
        "parent_of_other_unit": QCoreApplication.translate(
            "Words", "这条进展属于{detail}，只能由该单位（或协调办公室代其）修改。"
        ),
        "disk_full": QCoreApplication.translate(
            "Words",
            "磁盘空间已满，督办无法写入（打开数据库也需要少量空间），数据未作改动。"
            "请清理磁盘、腾出空间后重试：{detail}",
        ),
        "read_only": QCoreApplication.translate(
            "Words",
            "文件或文件夹是只读的（或没有写入权限），督办无法写入，数据未作改动。"
            "请检查文件夹的权限，或把数据放到可以写入的位置：{detail}",
        ),
        "database_locked": QCoreApplication.translate(
            "Words",
            "数据库正被其他督办窗口或程序长时间占用，本次操作未完成，数据未作改动。"
            "请稍后再试，或关闭其他正在导入、导出的窗口：{detail}",
        ),
        "io_error": QCoreApplication.translate(
            "Words", "读写数据时出错，数据未作改动。请检查磁盘或 U 盘后重试：{detail}"
        ),
    }
    text = texts.get(code) or QCoreApplication.translate("Words", "操作未完成（{code}）：{detail}")
    return text.format(code=code, detail=detail).rstrip("：: ")


def parse_error_text(code: str, message_zh: str) -> str:
    """Words for a ``PlanParseError``: the parser's own Chinese unless a translation exists."""
    texts = {
        "empty": QCoreApplication.translate("Words", "文件为空，没有可导入的方案内容。"),
        "binary": QCoreApplication.translate("Words", "这不是文本文件，无法作为方案导入。"),
        "undecodable": QCoreApplication.translate(
            "Words", "无法识别文件的文字编码，请另存为 UTF-8 文本后再导入。"
        ),
        "too_large": QCoreApplication.translate("Words", "文件过大，不像是一份分工方案。"),
        "missing": QCoreApplication.translate("Words", "找不到这个文件。"),
        "unreadable": QCoreApplication.translate("Words", "无法读取这个文件。"),
        "no_tasks": QCoreApplication.translate(
            "Words", "未找到带有分工单位的编号任务，这不像是一份重点任务分工方案。"
        ),
        "old_format": QCoreApplication.translate(
            "Words", "无法直接读取这种格式，请另存为 .docx、.xlsx 或 PDF 后再导入。"
        ),
        "no_text_layer": QCoreApplication.translate(
            "Words", "这份 PDF 没有可读取的文字（可能是扫描件），本软件不做文字识别。"
        ),
        "encrypted": QCoreApplication.translate("Words", "这份 PDF 设有打开密码，无法读取。"),
        "damaged": QCoreApplication.translate("Words", "文件已损坏或不完整，无法读取。"),
        "unknown_format": QCoreApplication.translate(
            "Words", "无法识别这个文件的格式，请选择 .docx、.pdf、.xlsx 或 .txt 文件。"
        ),
    }
    translated = texts.get(code)
    return message_zh if translated is None or _chinese_ui() else translated


def parse_problem_text(code: str, line_no: int, text: str, message_zh: str) -> str:
    """Words for one unreadable line of a plan file."""
    if code != "unreadable_assignment" or _chinese_ui():
        return message_zh
    return QCoreApplication.translate(
        "Words", "第 {line} 行：无法识别这项任务的分工单位：“{text}”"
    ).format(line=line_no, text=text[:40])


def _chinese_ui() -> bool:
    """In Chinese the parser's own message is shown: it names the file and the line."""
    return QLocale().language() == QLocale.Language.Chinese


_DIGITS = "零一二三四五六七八九"


def chinese_number(n: int) -> str:
    """1 → 一, 10 → 十, 12 → 十二, 26 → 二十六 (heading numbers of official documents)."""
    if n < 10:
        return _DIGITS[n]
    tens, ones = divmod(n, 10)
    head = "" if tens == 1 else _DIGITS[tens]
    return head + "十" + (_DIGITS[ones] if ones else "")


def section_label(number: int, title: str) -> str:
    """部分 heading as printed: 一、推进知识产权管理体制机制改革."""
    return f"{chinese_number(number)}、{title}"


def subsection_label(number: int, title: str) -> str:
    """方面 heading as printed: （一）健全知识产权管理体系。"""
    return f"（{chinese_number(number)}）{title}"
