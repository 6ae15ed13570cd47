"""document deadlines (完成时限 as the document writes it)

Revision ID: 0010
Revises: 0009

A plan's document often gives a task its 完成时限 ("2019年6月底前完成", "长期坚持", a
完成时限 column). It is read once, when the plan is imported, and kept with the task: every
PC imports the same document and so keeps the same deadline, and the coordinating office's
own deadlines (plan changes) still come first. Plans already stored are read again here.
"""

from __future__ import annotations

import datetime as dt

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Plain ADD COLUMN on both engines: a batch (copy and swap) of a table others refer to
    # would have to drop it under their foreign keys.
    op.add_column("tasks", sa.Column("deadline_text", sa.Text(), nullable=False, server_default=""))
    op.add_column("tasks", sa.Column("deadline", sa.Date(), nullable=True))
    op.add_column(
        "tasks",
        sa.Column("deadline_long_term", sa.Boolean(), nullable=False, server_default=sa.false()),
    )
    _read_stored_plans(op.get_bind())


def _read_stored_plans(bind: sa.Connection) -> None:
    # Imported here: the parser is needed by this step only.
    from plan_parser.deadlines import deadline_of, is_ongoing

    tasks = sa.table(
        "tasks",
        sa.column("id", sa.String),
        sa.column("plan_id", sa.String),
        sa.column("text", sa.Text),
        sa.column("assignment_text", sa.Text),
        sa.column("deadline_text", sa.Text),
        sa.column("deadline", sa.Date),
        sa.column("deadline_long_term", sa.Boolean),
    )
    plans = sa.table("plans", sa.column("id", sa.String), sa.column("issued_on", sa.Date))
    issued: dict[str, dt.date | None] = dict(
        bind.execute(sa.select(plans.c.id, plans.c.issued_on)).all()  # type: ignore[arg-type]
    )
    rows = bind.execute(
        sa.select(tasks.c.id, tasks.c.plan_id, tasks.c.text, tasks.c.assignment_text)
    ).all()
    for task_id, plan_id, text, assignment in rows:
        plan_date = issued.get(plan_id)
        if isinstance(plan_date, str):  # SQLite without type conversion
            plan_date = dt.date.fromisoformat(plan_date)
        wording, date = deadline_of(text or "", assignment or "", plan_date)
        if not wording:
            continue
        bind.execute(
            tasks.update()
            .where(tasks.c.id == task_id)
            .values(
                deadline_text=wording,
                deadline=date,
                deadline_long_term=date is None and is_ongoing(wording),
            )
        )


def downgrade() -> None:
    for column in ("deadline_long_term", "deadline", "deadline_text"):
        op.drop_column("tasks", column)
