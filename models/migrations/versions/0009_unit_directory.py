"""unit directory (单位名录)

Revision ID: 0009
Revises: 0008

The coordinating office's declarations that two unit names are one unit (and their
undoing): an append-only log, one new table; nothing existing changes.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None

Counter = sa.Integer().with_variant(sa.BigInteger(), "postgresql")


def upgrade() -> None:
    op.create_table(
        "unit_directory",
        sa.Column("entry_id", sa.String(length=36), nullable=False),
        sa.Column("author_installation_id", sa.String(length=36), nullable=False),
        sa.Column("author_seq", Counter, nullable=False),
        sa.Column("lamport", Counter, nullable=False),
        sa.Column("authored_at", sa.String(length=40), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("same_as", sa.String(length=200), nullable=False),
        sa.Column("undo", sa.Boolean(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("entry_id", name=op.f("pk_unit_directory")),
    )


def downgrade() -> None:
    op.drop_table("unit_directory")
