"""Domain layer: content-derived identities, identical on every PC (see DESIGN.md)."""

from __future__ import annotations

import hashlib
import re
import uuid

#: Fixed namespace for every Duban UUIDv5. Never change it: ids on all PCs depend on it.
DUBAN_NAMESPACE = uuid.UUID("6f1f2a4e-3c1b-5d6e-9a7b-0d1e2f3a4b5c")

_WHITESPACE = re.compile(r"\s+")


def normalise_plan_text(text: str) -> str:
    """Fold all whitespace (incl. full-width spaces) so re-wrapped copies match."""
    return _WHITESPACE.sub("", text.replace("\ufeff", ""))


def plan_fingerprint(text: str) -> str:
    """SHA-256 (hex) of the plan's normalised text."""
    return hashlib.sha256(normalise_plan_text(text).encode("utf-8")).hexdigest()


def short_fingerprint(fingerprint: str) -> str:
    """The short form printed on sheets: first 12 hex digits in groups of 4."""
    head = fingerprint[:12].upper()
    return "-".join(head[i : i + 4] for i in range(0, len(head), 4))


def plan_id(fingerprint: str) -> uuid.UUID:
    return uuid.uuid5(DUBAN_NAMESPACE, f"plan:{fingerprint}")


def node_id(plan: uuid.UUID, path: str) -> uuid.UUID:
    """Section / subsection / task id from its position path, e.g. ``4.3.40``."""
    return uuid.uuid5(DUBAN_NAMESPACE, f"node:{plan}:{path}")


def normalise_unit_name(name: str) -> str:
    return _WHITESPACE.sub("", name)


def unit_id(name: str) -> uuid.UUID:
    return uuid.uuid5(DUBAN_NAMESPACE, f"unit:{normalise_unit_name(name)}")
