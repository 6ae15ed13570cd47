"""Window layer: the 设置报送节点 dialog (coordinating office: monthly, quarterly or chosen
dates, from a start date) and the 临期提醒天数 dialog (a local setting of any PC)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from PySide6.QtCore import QDate, Slot
from PySide6.QtWidgets import (
    QButtonGroup,
    QDateEdit,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from domain.schedule import RoundKind, RoundRule
from ui import clock
from ui.common.dialog_base import CheckedDialog, run_modal
from ui.common.sizing import resize_within_screen
from ui.supervision.forms import error_label, reason_box, reason_problem

#: How many upcoming rounds the dialog lists, so the clerk sees what the rule means.
PREVIEW_COUNT = 4


@dataclass(frozen=True, slots=True)
class RoundsInput:
    """报送节点 of the plan, and why they are set."""

    rule: RoundRule
    reason: str


def _qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _date(q: QDate) -> dt.date:
    return dt.date(q.year(), q.month(), q.day())


def _date_edit(parent: QWidget, name: str) -> QDateEdit:
    edit = QDateEdit(parent)
    edit.setObjectName(name)
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")
    edit.setDate(_qdate(clock.today()))
    edit.setMaximumWidth(edit.fontMetrics().horizontalAdvance("0000-00-00") + 60)
    return edit


class RoundsDialog(CheckedDialog):
    """Form for one ``RoundsInput``: ``set_data`` / ``data`` / ``validate`` / ``edit``."""

    def __init__(self, current: RoundRule | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("rounds_dialog")
        self.setWindowTitle(self.tr("设置报送节点"))
        self._current = current
        self._init_widgets()
        self._init_layout()
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.kinds.buttonToggled.connect(self._update)
        self.day.valueChanged.connect(self._update)
        self.start.dateChanged.connect(self._update)
        self.add_button.clicked.connect(self._add_date)
        self.remove_button.clicked.connect(self._remove_date)
        resize_within_screen(self, 560, 520)

    def _init_widgets(self) -> None:
        self.monthly = QRadioButton(self.tr("每月"), self)
        self.monthly.setObjectName("monthly")
        self.day = QSpinBox(self)
        self.day.setObjectName("monthly_day")
        self.day.setRange(1, 31)
        self.day.setSuffix(self.tr(" 日"))
        self.day_note = QLabel(self.tr("（小月按月末计）"), self)
        self.quarterly = QRadioButton(self.tr("每季度末（3、6、9、12 月最后一天）"), self)
        self.quarterly.setObjectName("quarterly")
        self.custom = QRadioButton(self.tr("指定日期"), self)
        self.custom.setObjectName("custom_dates")
        self.kinds = QButtonGroup(self)
        for button in (self.monthly, self.quarterly, self.custom):
            self.kinds.addButton(button)
        self.new_date = _date_edit(self, "new_date")
        self.add_button = QPushButton(self.tr("添加"), self)
        self.add_button.setObjectName("add_date")
        self.remove_button = QPushButton(self.tr("删除所选"), self)
        self.remove_button.setObjectName("remove_date")
        self.dates = QListWidget(self)
        self.dates.setObjectName("date_list")
        self.dates.setMaximumHeight(self.fontMetrics().height() * 6)
        self.start = _date_edit(self, "start_date")
        self.preview = QLabel(self)
        self.preview.setObjectName("rounds_preview")
        self.preview.setWordWrap(True)
        self.preview.setStyleSheet("color: #5f6b78;")
        self.reason = reason_box(self)
        self.error_label = error_label(self)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )

    def _init_layout(self) -> None:
        grid = QGridLayout()
        grid.addWidget(self.monthly, 0, 0)
        grid.addWidget(self.day, 0, 1)
        grid.addWidget(self.day_note, 0, 2, 1, 2)
        grid.addWidget(self.quarterly, 1, 0, 1, 4)
        grid.addWidget(self.custom, 2, 0)
        grid.addWidget(self.new_date, 2, 1)
        grid.addWidget(self.add_button, 2, 2)
        grid.addWidget(self.remove_button, 2, 3)
        grid.addWidget(self.dates, 3, 1, 1, 3)
        grid.setColumnStretch(4, 1)
        form = QFormLayout()
        form.addRow(self.tr("起算日期"), self.start)
        form.addRow(self.tr("修改原因"), self.reason)
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr("各责任单位须在每个报送节点前报送一次进展，过期未报即为“未报送”。"))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        layout.addLayout(grid)
        layout.addLayout(form)
        layout.addWidget(self.preview)
        layout.addStretch(1)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)

    # --- contract ------------------------------------------------------------------------
    def set_data(self, entry: RoundsInput) -> None:
        rule = entry.rule
        {RoundKind.MONTHLY: self.monthly, RoundKind.QUARTERLY: self.quarterly}.get(
            rule.kind, self.custom
        ).setChecked(True)
        self.day.setValue(rule.day or 25)
        self.dates.clear()
        for day in sorted(rule.dates):
            self._append(day)
        self.start.setDate(_qdate(rule.start or clock.today()))
        self.reason.setPlainText(entry.reason)
        self._update()

    def data(self) -> RoundsInput:
        start = _date(self.start.date())
        if self.monthly.isChecked():
            rule = RoundRule(RoundKind.MONTHLY, day=self.day.value(), start=start)
        elif self.quarterly.isChecked():
            rule = RoundRule(RoundKind.QUARTERLY, start=start)
        else:
            # Chosen dates are owed as listed: a start date would only hide some of them.
            rule = RoundRule(RoundKind.DATES, dates=tuple(self.chosen_dates()))
        return RoundsInput(rule, self.reason.toPlainText().strip())

    def chosen_dates(self) -> list[dt.date]:
        return sorted(
            dt.date.fromisoformat(self.dates.item(i).text()) for i in range(self.dates.count())
        )

    def validate(self) -> str | None:
        entry = self.data()
        if entry.rule.kind is RoundKind.DATES and not entry.rule.dates:
            return self.tr("请至少添加一个报送日期。")
        if entry.rule == self._current:
            return self.tr("报送节点没有变化。")
        problem = reason_problem(entry.reason)
        if problem:
            self.reason.setFocus()
        return problem

    @classmethod
    def edit(
        cls, parent: QWidget | None, current: RoundRule | None, entry: RoundsInput
    ) -> RoundsInput | None:
        dialog = cls(current, parent)
        dialog.set_data(entry)
        return run_modal(dialog)

    # --- slots ---------------------------------------------------------------------------
    def _append(self, day: dt.date) -> None:
        self.dates.addItem(QListWidgetItem(day.isoformat()))

    @Slot()
    def _add_date(self) -> None:
        day = _date(self.new_date.date())
        if day not in self.chosen_dates():
            self._append(day)
            self.dates.sortItems()
        self.custom.setChecked(True)
        self._update()

    @Slot()
    def _remove_date(self) -> None:
        for item in self.dates.selectedItems():
            self.dates.takeItem(self.dates.row(item))
        self._update()

    @Slot()
    def _update(self) -> None:
        monthly, custom = self.monthly.isChecked(), self.custom.isChecked()
        self.day.setEnabled(monthly)
        for widget in (self.new_date, self.add_button, self.remove_button, self.dates):
            widget.setEnabled(custom)
        self.start.setEnabled(not custom)
        self.error_label.hide()
        rule = self.data().rule
        first = max(clock.today(), rule.start or clock.today())
        upcoming = rule.dates_between(first, first + dt.timedelta(days=800))[:PREVIEW_COUNT]
        self.preview.setText(
            self.tr("接下来的报送节点：{dates}").format(
                dates=self.tr("、").join(d.isoformat() for d in upcoming) or self.tr("无")
            )
        )


def initial_rounds(current: RoundRule | None) -> RoundsInput:
    return RoundsInput(current or RoundRule(RoundKind.MONTHLY, day=25, start=clock.today()), "")


class WarningDaysDialog(CheckedDialog):
    """临期提醒天数: how many days before a deadline or round a task turns 临期 (this PC)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("warning_days_dialog")
        self.setWindowTitle(self.tr("临期提醒天数"))
        self.days = QSpinBox(self)
        self.days.setObjectName("warning_days")
        self.days.setRange(0, 365)
        self.days.setSuffix(self.tr(" 天"))
        note = QLabel(
            self.tr("完成时限或报送节点在这么多天之内到来时，任务显示为“临期”。只影响本机的显示。"),
            self,
        )
        note.setWordWrap(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow(self.tr("提前提醒"), self.days)
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        resize_within_screen(self, 420, 160)

    def set_data(self, days: int) -> None:
        self.days.setValue(days)

    def data(self) -> int:
        return self.days.value()

    def validate(self) -> str | None:
        return None  # the spin box allows only 0–365, the store's range

    @classmethod
    def edit(cls, parent: QWidget | None, days: int) -> int | None:
        dialog = cls(parent)
        dialog.set_data(days)
        return run_modal(dialog)
