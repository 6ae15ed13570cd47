"""reviews, instructions, revision reasons

Revision ID: 0007
Revises: 0006

审核 (report_reviews) and 领导批示 (instructions) by the coordinating office, and the reason
kept with a progress revision (修改原因 / 撤回原因 / 说明 of a lower percent). New tables and
one added column with a default, so older rows read as they were.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column(
        "progress_revisions",
        sa.Column("reason", sa.Text(), nullable=False, server_default=""),
    )
    op.create_table(
        "report_reviews",
        sa.Column("review_id", sa.String(length=36), nullable=False),
        sa.Column("report_id", sa.String(length=36), nullable=False),
        sa.Column("revision_id", sa.String(length=36), nullable=False),
        sa.Column("task_id", sa.String(length=36), nullable=False),
        sa.Column("unit_id", sa.String(length=36), nullable=False),
        sa.Column("author_installation_id", sa.String(length=36), nullable=False),
        sa.Column("author_seq", sa.Integer(), nullable=False),
        sa.Column("lamport", sa.Integer(), nullable=False),
        sa.Column("authored_at", sa.String(length=40), nullable=False),
        sa.Column("decision", sa.String(length=20), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("reviewer", sa.String(length=100), nullable=False),
        sa.ForeignKeyConstraint(
            ["task_id"], ["tasks.id"], name=op.f("fk_report_reviews_task_id_tasks")
        ),
        sa.ForeignKeyConstraint(
            ["unit_id"], ["units.id"], name=op.f("fk_report_reviews_unit_id_units")
        ),
        sa.PrimaryKeyConstraint("review_id", name=op.f("pk_report_reviews")),
    )
    op.create_index(
        "ix_report_reviews_task_unit", "report_reviews", ["task_id", "unit_id"], unique=False
    )
    op.create_index(
        op.f("ix_report_reviews_revision_id"), "report_reviews", ["revision_id"], unique=False
    )
    op.create_table(
        "instructions",
        sa.Column("instruction_id", sa.String(length=36), nullable=False),
        sa.Column("plan_id", sa.String(length=36), nullable=False),
        sa.Column("task_id", sa.String(length=36), nullable=False),
        sa.Column("author_installation_id", sa.String(length=36), nullable=False),
        sa.Column("author_seq", sa.Integer(), nullable=False),
        sa.Column("lamport", sa.Integer(), nullable=False),
        sa.Column("authored_at", sa.String(length=40), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("leader", sa.String(length=100), nullable=False),
        sa.Column("instructed_on", sa.Date(), nullable=False),
        sa.ForeignKeyConstraint(
            ["plan_id"], ["plans.id"], name=op.f("fk_instructions_plan_id_plans")
        ),
        sa.ForeignKeyConstraint(
            ["task_id"], ["tasks.id"], name=op.f("fk_instructions_task_id_tasks")
        ),
        sa.PrimaryKeyConstraint("instruction_id", name=op.f("pk_instructions")),
    )
    op.create_index(op.f("ix_instructions_task_id"), "instructions", ["task_id"], unique=False)


def downgrade() -> None:
    op.drop_index(op.f("ix_instructions_task_id"), table_name="instructions")
    op.drop_table("instructions")
    op.drop_index(op.f("ix_report_reviews_revision_id"), table_name="report_reviews")
    op.drop_index("ix_report_reviews_task_unit", table_name="report_reviews")
    op.drop_table("report_reviews")
    with op.batch_alter_table("progress_revisions") as batch:
        batch.drop_column("reason")
