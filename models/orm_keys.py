"""Storage layer: the mapping of the key registry (登记的签名密钥), schema 0004."""

from __future__ import annotations

from sqlalchemy import Boolean, Index, LargeBinary, String
from sqlalchemy.orm import Mapped, mapped_column

from models.orm import UUID_LEN, Base

KEY_ID_LEN = 16


class InstallationKeyRow(Base):
    """An installation's public key as this PC registered it, or this PC's own key.

    On the coordinating office's PC: every unit installation's confirmed keys. On a unit's
    PC: the coordinating office's key, pinned on the first plan update. Rows are never
    deleted; a retired key stays so that files it signed earlier can still be checked.
    """

    __tablename__ = "installation_keys"
    __table_args__ = (Index("ix_installation_keys_installation", "installation_id", "status"),)
    key_id: Mapped[str] = mapped_column(String(KEY_ID_LEN), primary_key=True)
    public_key: Mapped[bytes] = mapped_column(LargeBinary(32), unique=True)
    fingerprint: Mapped[str] = mapped_column(String(40))
    installation_id: Mapped[str] = mapped_column(String(UUID_LEN))
    installation_name: Mapped[str] = mapped_column(String(100), default="")
    unit_id: Mapped[str | None] = mapped_column(String(UUID_LEN), nullable=True)
    unit_name: Mapped[str] = mapped_column(String(200), default="")
    is_coordinating_office: Mapped[bool] = mapped_column(Boolean, default=False)
    is_own: Mapped[bool] = mapped_column(Boolean, default=False)
    status: Mapped[str] = mapped_column(String(10))  # domain.key_records.KeyStatus
    first_seen_at: Mapped[str] = mapped_column(String(40))
    confirmed_at: Mapped[str | None] = mapped_column(String(40), nullable=True)
    retired_at: Mapped[str | None] = mapped_column(String(40), nullable=True)
    replaced_by: Mapped[str | None] = mapped_column(String(KEY_ID_LEN), nullable=True)
