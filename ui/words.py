"""Window layer: turn the codes of the layers below into translated words.

Code below ``ui/`` returns enums and error codes; this module is the one place that says
them to a person. Every literal is passed to ``QCoreApplication.translate`` directly so
``pyside6-lupdate`` finds it.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLocale
from PySide6.QtGui import QColor, QIcon, QPainter, QPixmap

from domain.enums import ProgressStatus, Role
from domain.validation import ProgressProblem

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
        ProgressProblem.WORK_TEXT_REQUIRED: QCoreApplication.translate(
            "Words", "状态为“已完成”时，须填写工作进展。"
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
    except ValueError:
        return QCoreApplication.translate("Words", "填报内容有误（{code}）。").format(code=problem)


def store_error_text(code: str, detail: str = "") -> str:
    """Words for a ``StoreError`` code; ``{detail}`` is the unit, plan or file concerned."""
    texts = {
        "unknown_unit": QCoreApplication.translate("Words", "方案中没有这个单位：{detail}"),
        "unknown_task": QCoreApplication.translate("Words", "方案中没有这项任务：{detail}"),
        "unknown_plan": QCoreApplication.translate("Words", "没有这个方案：{detail}"),
        "plan_exists": QCoreApplication.translate("Words", "这份方案已经导入过了：{detail}"),
        "unit_not_allowed": QCoreApplication.translate(
            "Words", "本机属于{detail}，不能为其他单位填报进展。"
        ),
        "not_coordinating_office": QCoreApplication.translate(
            "Words", "只有协调办公室可以进行此项操作。"
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
