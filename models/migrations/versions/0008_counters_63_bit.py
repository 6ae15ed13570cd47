"""counters 63-bit on every engine

Revision ID: 0008
Revises: 0007

Sequence numbers and Lamport counters must hold every value an exchange file can carry
(63-bit, DESIGN.md). SQLite's INTEGER already does; PostgreSQL's INTEGER is 32-bit, so
there the columns become BIGINT. Nothing changes in a SQLite file.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None

COLUMNS = {
    "installation": ("lamport", "next_seq"),
    "progress_revisions": ("author_seq", "lamport"),
    "plan_changes": ("author_seq", "lamport"),
    "report_reviews": ("author_seq", "lamport"),
    "instructions": ("author_seq", "lamport"),
}


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    for table, columns in COLUMNS.items():
        for column in columns:
            op.alter_column(table, column, type_=sa.BigInteger(), existing_type=sa.Integer())


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    for table, columns in COLUMNS.items():
        for column in columns:
            op.alter_column(table, column, type_=sa.Integer(), existing_type=sa.BigInteger())
