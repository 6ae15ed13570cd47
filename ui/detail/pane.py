"""Window layer: the detail pane beside the tree (task text, units and roles, progress history,
and the task's light, deadline and 办结 state — read-only; only the 督办 menu changes them)."""

from __future__ import annotations

from html import escape
from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, Qt, Signal, Slot
from PySide6.QtGui import QFont, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from domain.attachments import AttachmentRef
from domain.enums import ReviewDecision
from domain.review_rules import decisive_review
from domain.status_lights import Light, TaskLight
from domain.validation import stored_breaches
from ui.attachments import words as attachment_words
from ui.attachments.box import Entry
from ui.common import words
from ui.tree.model import IdRole

if TYPE_CHECKING:
    from domain.records import ProgressRevision, TaskView
    from domain.search import SearchHit

# How many revisions the pane shows first (the newest): a task with 25,000 revisions
# still opens at once; the rest is a click away.
HISTORY_PAGE_ROWS = 200
# How many older revisions one click on 再显示 adds to a long history.
HISTORY_MORE_ROWS = 1000


def _item(text: str, tooltip: str = "") -> QStandardItem:
    item = QStandardItem(text)
    item.setEditable(False)
    if tooltip:
        item.setToolTip(tooltip)
    return item


def _cell(text: str) -> QStandardItem:
    """A history cell: the table is never edited (NoEditTriggers), so the cell's flags are
    left alone — setting them cost as much as the rest of a 200-row fill."""
    return QStandardItem(text)


def _table(parent: QWidget, name: str) -> QTableView:
    view = QTableView(parent)
    view.setObjectName(name)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setWordWrap(False)
    view.verticalHeader().hide()
    view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 10)
    view.horizontalHeader().setStretchLastSection(True)
    view.horizontalHeader().setHighlightSections(False)
    return view


class DetailPane(QWidget):
    """Shows one task (or a heading); asks the window to record or edit progress."""

    report_requested = Signal(str)  # task id
    edit_requested = Signal(str, str)  # task id, revision id
    withdraw_requested = Signal(str, str)  # task id, revision id
    # The clerk asked for more of a long history: task id, how many (0: all of it).
    history_requested = Signal(str, int)
    attachment_requested = Signal(object)  # ui.attachments.box.Entry: show this file

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._task: TaskView | None = None
        self._history: list[ProgressRevision] = []
        self._history_total = 0
        self.page_rows = HISTORY_PAGE_ROWS
        self.more_rows = HISTORY_MORE_ROWS
        self._attachments: dict[str, tuple[AttachmentRef, ...]] = {}
        self._init_widgets()
        self._init_layout()
        self.report_button.clicked.connect(self._on_report)
        self.edit_button.clicked.connect(self._on_edit)
        self.withdraw_button.clicked.connect(self._on_withdraw)
        self.history_view.doubleClicked.connect(self._on_edit)
        self.history_view.selectionModel().selectionChanged.connect(self._on_history_selected)
        self.history_note.linkActivated.connect(self._on_more_history)
        self.attachments_list.itemDoubleClicked.connect(self._on_attachment)
        self.clear()

    def _init_widgets(self) -> None:
        self.title = QLabel(self)
        self.title.setObjectName("detail_title")
        font = QFont(self.title.font())
        font.setPointSizeF(font.pointSizeF() * 1.25)
        font.setBold(True)
        self.title.setFont(font)
        self.title.setWordWrap(True)
        self.location = QLabel(self)
        self.location.setObjectName("detail_location")
        self.location.setWordWrap(True)
        self.location.setStyleSheet("color: #5f6b78;")
        self.supervision = QLabel(self)
        self.supervision.setObjectName("detail_supervision")
        self.supervision.setWordWrap(True)
        self.supervision.setTextFormat(Qt.TextFormat.RichText)
        # 退回 and 批示 are said above the task text, where a clerk looks first.
        self.returns = QLabel(self)
        self.returns.setObjectName("detail_returns")
        self.returns.setWordWrap(True)
        self.returns.setStyleSheet(
            "color: #8e24aa; font-weight: bold; border: 1px solid #8e24aa; padding: 4px;"
        )
        self.instructions = QLabel(self)
        self.instructions.setObjectName("detail_instructions")
        self.instructions.setWordWrap(True)
        self.instructions.setTextFormat(Qt.TextFormat.RichText)
        self.instructions.setStyleSheet(
            "background: #fff8e1; border: 1px solid #e0a100; padding: 4px;"
        )
        self.search_hits = QLabel(self)
        self.search_hits.setObjectName("detail_search_hits")
        self.search_hits.setWordWrap(True)
        self.search_hits.setStyleSheet("color: #1f5fa8;")
        self.text = QLabel(self)
        self.text.setObjectName("detail_text")
        self.text.setWordWrap(True)
        self.text.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.units_model = QStandardItemModel(0, 3, self)
        self.units_view = _table(self, "units_table")
        self.units_view.setModel(self.units_model)
        self.units_view.setMinimumHeight(self.fontMetrics().height() * 8)
        self.history_label = QLabel(self.tr("进展记录（最新在前）"), self)
        self.history_model = QStandardItemModel(0, 7, self)
        self.history_view = _table(self, "history_table")
        self.history_view.setModel(self.history_model)
        # A long history is shown newest first, a page at a time; this says so.
        self.history_note = QLabel(self)
        self.history_note.setObjectName("history_note")
        self.history_note.setWordWrap(True)
        self.history_note.setTextFormat(Qt.TextFormat.RichText)
        self.revision_text = QPlainTextEdit(self)
        self.revision_text.setObjectName("revision_text")
        self.revision_text.setReadOnly(True)
        self.revision_text.setMaximumHeight(self.fontMetrics().lineSpacing() * 7)
        self.attachments_label = QLabel(self.tr("佐证材料（双击查看）"), self)
        self.attachments_list = QListWidget(self)
        self.attachments_list.setObjectName("detail_attachments")
        self.attachments_list.setMaximumHeight(self.fontMetrics().lineSpacing() * 5)
        self.report_button = QPushButton(self.tr("填报进展…"), self)
        self.report_button.setObjectName("report_button")
        self.edit_button = QPushButton(self.tr("修改所选记录…"), self)
        self.edit_button.setObjectName("edit_button")
        self.withdraw_button = QPushButton(self.tr("撤回所选记录…"), self)
        self.withdraw_button.setObjectName("withdraw_button")

    def _init_layout(self) -> None:
        top = QWidget(self)
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.addWidget(self.title)
        top_layout.addWidget(self.location)
        top_layout.addWidget(self.supervision)
        top_layout.addWidget(self.returns)
        top_layout.addWidget(self.instructions)
        top_layout.addWidget(self.search_hits)
        top_layout.addWidget(self.text)
        top_layout.addWidget(self.units_view, 1)
        top_layout.addStretch(0)  # takes the room only while the units table is hidden
        # The whole upper part scrolls when a long task text and its table do not fit.
        top_scroll = QScrollArea(self)
        top_scroll.setWidgetResizable(True)
        top_scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        top_scroll.setWidget(top)

        bottom = QWidget(self)
        bottom_layout = QVBoxLayout(bottom)
        bottom_layout.setContentsMargins(0, 0, 0, 0)
        buttons = QHBoxLayout()
        buttons.addWidget(self.history_label, 1)
        buttons.addWidget(self.report_button)
        buttons.addWidget(self.edit_button)
        buttons.addWidget(self.withdraw_button)
        bottom_layout.addLayout(buttons)
        bottom_layout.addWidget(self.history_view, 2)
        bottom_layout.addWidget(self.history_note)
        bottom_layout.addWidget(self.revision_text)
        bottom_layout.addWidget(self.attachments_label)
        bottom_layout.addWidget(self.attachments_list)

        self.splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.splitter.setObjectName("detail_splitter")
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(top_scroll)
        self.splitter.addWidget(bottom)
        self._history_part = bottom
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.addWidget(self.splitter)

    # --- what to show --------------------------------------------------------------------
    def current_task(self) -> TaskView | None:
        return self._task

    def clear(self) -> None:
        self._task = None
        self._history = []
        self.title.setText(self.tr("请在左侧选择一项任务"))
        self.location.clear()
        self.supervision.clear()
        self.supervision.hide()
        for label in (self.returns, self.instructions, self.search_hits):
            label.clear()
            label.hide()
        self.text.clear()
        self.revision_text.clear()
        self._fill_units(None)
        self._fill_history([])
        self._update_buttons()
        self._set_task_parts_visible(False)

    def _set_task_parts_visible(self, visible: bool) -> None:
        """Units and history belong to a task; a heading shows only its title and counts."""
        self.units_view.setVisible(visible)
        self._history_part.setVisible(visible)

    def show_heading(self, title: str, location: str, task_count: int, done: int) -> None:
        """A plan, section or subsection is selected: its title and counts."""
        self.clear()
        self.title.setText(title)
        self.location.setText(location)
        self.text.setText(
            self.tr("共 {count} 项任务，已完成 {done} 项。").format(count=task_count, done=done)
        )

    def show_task(
        self,
        task: TaskView,
        history: list[ProgressRevision],
        light: TaskLight | None = None,
        hits: list[SearchHit] | None = None,
        *,
        history_total: int | None = None,
        attachments: dict[str, tuple[AttachmentRef, ...]] | None = None,
    ) -> None:
        """``history``: the newest revisions, newest first; ``history_total``: how many the
        task has in all (more than shown: the pane says so and offers the rest). ``hits``:
        where the search box's word occurs in this task (shown above its text).
        ``attachments``: the files each revision lists (name, kind, size, pages)."""
        self._task = task
        self._attachments = dict(attachments or {})
        self._show_supervision(task, light)
        self._show_returns_and_instructions(task)
        self._show_hits(hits or [])
        self.title.setText(self.tr("任务 {number}").format(number=task.number))
        parts = [words.section_label(task.section_number, task.section_title)]
        if task.subsection_title and task.subsection_number is not None:
            parts.append(words.subsection_label(task.subsection_number, task.subsection_title))
        self.location.setText(" › ".join(parts))
        wording = f"\n\n（{task.assignment_text}）" if task.assignment_text else ""
        self.text.setText(task.text + wording)
        self._fill_units(task)
        self._fill_history(history, history_total)
        self._update_buttons()
        self._set_task_parts_visible(True)

    def _show_supervision(self, task: TaskView, light: TaskLight | None) -> None:
        """状态 · 完成时限 · 未报送单位 · 已办结, one line; the light's colour with its name."""
        parts = []
        if light is not None:
            colour = words.LIGHT_COLOURS[light.light]
            state = escape(words.light_text(light.light))
            if light.days_left is not None and light.light is not Light.DONE:
                state += escape(
                    self.tr("（{days}）").format(days=words.days_left_text(light.days_left))
                )
            parts.append(
                self.tr("状态：{state}").format(
                    state=f'<span style="color:{colour}">●</span> <b>{state}</b>'
                )
            )
        parts.append(escape(self.tr("完成时限：{d}").format(d=words.deadline_text(task.deadline))))
        if light is not None and light.missing_units:
            names = words.unit_names(task, light.missing_units)
            parts.append(escape(self.tr("未报送单位：{units}").format(units=names)))
        if task.closed:
            parts.append(f"<b>{escape(self.tr('已办结（销号）'))}</b>")
        if task.added:
            parts.append(escape(self.tr("协调办公室新增的任务")))
        self.supervision.setText("&nbsp;&nbsp;&nbsp;&nbsp;".join(parts))
        self.supervision.setToolTip(words.light_tooltip(task, light) if light else "")
        self.supervision.show()

    def _show_returns_and_instructions(self, task: TaskView) -> None:
        names = {a.unit_id: a.unit_name for a in task.assignments}
        returned = []
        for rev in task.current_progress:
            review = decisive_review(rev, task.reviews)
            if review is not None and review.decision is ReviewDecision.RETURNED:
                returned.append(
                    self.tr("{unit} 的进展已被协调办公室退回修改（{day}）：{reason}").format(
                        unit=names.get(rev.unit_id, rev.unit_name),
                        day=review.authored_at[:10],
                        reason=review.reason,
                    )
                )
        self.returns.setText("\n".join(returned))
        self.returns.setVisible(bool(returned))
        lines = [
            self.tr("<b>领导批示</b>　{leader}（{day}）：{text}").format(
                leader=escape(item.leader),
                day=item.instructed_on.isoformat(),
                text=escape(item.text),
            )
            for item in task.instructions
        ]
        self.instructions.setText("<br/>".join(lines))
        self.instructions.setVisible(bool(lines))

    def _show_hits(self, hits: list[SearchHit]) -> None:
        text = "\n".join(words.search_hit_text(h) for h in hits[:6])
        self.search_hits.setText(self.tr("搜索匹配：\n{hits}").format(hits=text) if hits else "")
        self.search_hits.setVisible(bool(hits))

    def _fill_units(self, task: TaskView | None) -> None:
        self.units_model.clear()
        self.units_model.setHorizontalHeaderLabels(
            [self.tr("单位"), self.tr("角色"), self.tr("最新进展")]
        )
        if task is None:
            return
        for a in sorted(task.assignments, key=lambda a: a.role.sort_key):
            state = words.unit_report_text(task, a.unit_id)
            name = _item(a.unit_name, a.wording)
            name.setData(a.unit_id, IdRole)
            self.units_model.appendRow([name, _item(words.role_text(a.role)), _item(state)])
        header = self.units_view.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)

    def show_history(
        self,
        history: list[ProgressRevision],
        total: int,
        attachments: dict[str, tuple[AttachmentRef, ...]] | None = None,
    ) -> None:
        """More of the current task's history (after ``history_requested``), with the
        files its revisions list."""
        if self._task is not None:
            self._attachments.update(attachments or {})
            self._fill_history(history, total)
            self._update_buttons()

    def _fill_history(self, history: list[ProgressRevision], total: int | None = None) -> None:
        # Quiet while refilling: the selection changed once per row otherwise, and each
        # change refilled the revision text (hundreds of times for a long history).
        selection = self.history_view.selectionModel()
        selection.blockSignals(True)
        self.history_view.setUpdatesEnabled(False)
        try:
            self._refill_history(history, total)
        finally:
            self.history_view.setUpdatesEnabled(True)
            selection.blockSignals(False)
        self._on_history_selected()

    def _refill_history(self, history: list[ProgressRevision], total: int | None) -> None:
        self.history_model.clear()
        self._history = list(history)
        self._history_total = max(total or 0, len(self._history))
        self._show_history_note()
        self.history_model.setHorizontalHeaderLabels(
            [
                self.tr("日期"),
                self.tr("单位"),
                self.tr("状态"),
                self.tr("完成%"),
                self.tr("填报人"),
                self.tr("说明"),
                self.tr("工作进展"),
            ]
        )
        for rev in self._history:
            date = _cell(rev.report_date.isoformat())
            date.setData(rev.revision_id, IdRole)
            work = _cell(rev.work_done.replace("\n", " "))
            work.setToolTip(rev.work_done)
            self.history_model.appendRow(
                [
                    date,
                    _cell(rev.unit_name),
                    _cell(words.status_text(rev.status)),
                    _cell(str(rev.percent)),
                    _cell(rev.reporter),
                    _cell(self._note(rev)),
                    work,
                ]
            )
        header = self.history_view.horizontalHeader()
        # Column widths from the rows in sight: measuring every row's text took longer
        # than the rest of opening a task with a long history.
        header.setResizeContentsPrecision(0)
        for column in range(6):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        if self._history:
            self.history_view.selectRow(0)

    def _show_history_note(self) -> None:
        shown, total = len(self._history), self._history_total
        if shown >= total:
            self.history_note.clear()
            self.history_note.hide()
            return
        more = min(self.more_rows, total - shown)
        more_text = self.tr("再显示 {n} 条").format(n=more)
        links = [f'<a href="{shown + more}">{escape(more_text)}</a>']
        if shown + more < total:
            all_text = self.tr("全部显示")
            links.append(f'<a href="0">{escape(all_text)}</a>')
        note = self.tr("仅显示最近 {shown} 条，共 {total} 条。").format(shown=shown, total=total)
        self.history_note.setText(escape(note) + "&nbsp;&nbsp;" + "&nbsp;&nbsp;".join(links))
        self.history_note.show()

    def _note(self, rev: ProgressRevision) -> str:
        notes = []
        if rev.parent_revision_id:
            notes.append(self.tr("修改"))
        if rev.withdrawn:
            notes.append(self.tr("撤回"))
        if rev.on_behalf:
            notes.append(self.tr("代报"))
        if rev.in_conflict:
            notes.append(self.tr("待核对"))
        if stored_breaches(rev):
            notes.append(self.tr("不合规（旧版录入）"))
        text = self.tr("、").join(notes)
        if rev.reason:
            text += self.tr("（原因：{reason}）").format(reason=rev.reason)
        return text

    def selected_revision(self) -> ProgressRevision | None:
        rows = self.history_view.selectionModel().selectedRows()
        # While the model is being refilled the selection can briefly name a stale row.
        if not rows or not 0 <= rows[0].row() < len(self._history):
            return None
        return self._history[rows[0].row()]

    def selected_unit_id(self) -> str | None:
        """The unit picked in the units table (the coordinating office reports for it)."""
        rows = self.units_view.selectionModel().selectedRows()
        return str(rows[0].data(IdRole)) if rows else None

    def _update_buttons(self) -> None:
        self.report_button.setEnabled(self._task is not None)
        self.edit_button.setEnabled(self._task is not None and bool(self._history))
        rev = self.selected_revision()
        self.withdraw_button.setEnabled(rev is not None and not rev.withdrawn)

    # --- slots ---------------------------------------------------------------------------
    @Slot()
    def _on_history_selected(self) -> None:
        self._update_buttons()
        rev = self.selected_revision()
        self.revision_text.setVisible(rev is not None)
        self._fill_attachments(rev)
        if rev is None:
            self.revision_text.clear()
            return
        lines = [
            (self.tr("工作进展"), rev.work_done),
            (self.tr("存在问题"), rev.problems),
            (self.tr("下一步计划"), rev.next_steps),
            (self.tr("填报人"), " ".join(x for x in (rev.reporter, rev.phone) if x)),
            (self.tr("修改/撤回原因、说明"), rev.reason),
        ]
        # Who reviewed this revision, when, and what they said (审核 leaves a trace).
        for review in self._task.reviews if self._task is not None else ():
            if review.revision_id == rev.revision_id:
                who = "，".join(x for x in (review.authored_at[:10], review.reviewer) if x)
                text = f"{review.decision.label_zh}（{who}）"
                lines.append(
                    (self.tr("审核"), text + (f"：{review.reason}" if review.reason else ""))
                )
        self.revision_text.setPlainText(
            "\n".join(self.tr("{label}：{value}").format(label=k, value=v) for k, v in lines if v)
        )

    @Slot(str)
    def _on_more_history(self, link: str) -> None:
        if self._task is not None:
            self.history_requested.emit(self._task.id, int(link))

    def _fill_attachments(self, rev: ProgressRevision | None) -> None:
        self.attachments_list.clear()
        refs = self._attachments.get(rev.revision_id, ()) if rev is not None else ()
        for ref in refs:
            item = QListWidgetItem(attachment_words.describe(ref), self.attachments_list)
            item.setData(IdRole, ref)
            if ref.risks:
                item.setForeground(Qt.GlobalColor.darkRed)
        self.attachments_label.setVisible(bool(refs))
        self.attachments_list.setVisible(bool(refs))

    @Slot(QListWidgetItem)
    def _on_attachment(self, item: QListWidgetItem) -> None:
        ref = item.data(IdRole)
        if isinstance(ref, AttachmentRef):
            self.attachment_requested.emit(Entry(ref, ref))

    @Slot()
    def _on_report(self) -> None:
        if self._task is not None:
            self.report_requested.emit(self._task.id)

    @Slot()
    @Slot(QModelIndex)
    def _on_edit(self, _index: QModelIndex | None = None) -> None:
        rev = self.selected_revision()
        if self._task is not None and rev is not None:
            self.edit_requested.emit(self._task.id, rev.revision_id)

    @Slot()
    def _on_withdraw(self) -> None:
        rev = self.selected_revision()
        if self._task is not None and rev is not None and not rev.withdrawn:
            self.withdraw_requested.emit(self._task.id, rev.revision_id)
