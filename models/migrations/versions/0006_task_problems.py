"""task problems (待补充)

Revision ID: 0006
Revises: 0005

Every task of an imported plan is stored, also one whose assignment could not be read: it
keeps why (JSON list of {"code", "line", "message"}) and shows as 待补充 until the
coordinating office gives it its units (a plan change every PC applies alike).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("tasks", schema=None) as batch_op:
        batch_op.add_column(sa.Column("problems", sa.Text(), nullable=False, server_default=""))


def downgrade() -> None:
    with op.batch_alter_table("tasks", schema=None) as batch_op:
        batch_op.drop_column("problems")
