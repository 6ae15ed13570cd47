"""attachments

Revision ID: 0005
Revises: 0004

佐证材料: the bytes of each attached file once (content-addressed by SHA-256) in 1 MiB
chunks, and which files each progress revision lists (its report's complete set).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "attachment_blobs",
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("size", sa.BigInteger(), nullable=False),
        sa.Column("kind", sa.String(length=10), nullable=False),
        sa.Column("pages", sa.Integer(), nullable=True),
        sa.Column("risks", sa.String(length=100), nullable=False),
        sa.Column("chunk_size", sa.Integer(), nullable=False),
        sa.Column("stored_at", sa.String(length=40), nullable=False),
        sa.PrimaryKeyConstraint("sha256", name=op.f("pk_attachment_blobs")),
    )
    op.create_table(
        "attachment_chunks",
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("data", sa.LargeBinary(), nullable=False),
        sa.ForeignKeyConstraint(
            ["sha256"],
            ["attachment_blobs.sha256"],
            name=op.f("fk_attachment_chunks_sha256_attachment_blobs"),
        ),
        sa.PrimaryKeyConstraint("sha256", "seq", name=op.f("pk_attachment_chunks")),
    )
    op.create_table(
        "revision_attachments",
        sa.Column("revision_id", sa.String(length=36), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("file_name", sa.String(length=255), nullable=False),
        sa.ForeignKeyConstraint(
            ["sha256"],
            ["attachment_blobs.sha256"],
            name=op.f("fk_revision_attachments_sha256_attachment_blobs"),
        ),
        sa.PrimaryKeyConstraint("revision_id", "position", name=op.f("pk_revision_attachments")),
    )
    with op.batch_alter_table("revision_attachments", schema=None) as batch_op:
        batch_op.create_index("ix_revision_attachments_sha256", ["sha256"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("revision_attachments", schema=None) as batch_op:
        batch_op.drop_index("ix_revision_attachments_sha256")
    op.drop_table("revision_attachments")
    op.drop_table("attachment_chunks")
    op.drop_table("attachment_blobs")
