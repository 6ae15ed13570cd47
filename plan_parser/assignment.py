"""Plan parsing layer: read a task's assignment (分工) into units and normalised roles."""

from __future__ import annotations

import re
from dataclasses import dataclass

from domain.enums import Role
from plan_parser.model import ParsedUnit
from plan_parser.units import is_group, looks_like_unit, split_unit_list

#: Role words as written, longest first so "按职责分别负责" wins over "负责".
_ROLE_WORDS: tuple[tuple[str, Role], ...] = tuple(
    sorted(
        {
            "牵头负责": Role.LEAD,
            "牵头": Role.LEAD,
            "配合": Role.COOPERATE,
            "参与": Role.COOPERATE,
            "协助": Role.COOPERATE,
            "按职责分别负责": Role.RESPONSIBLE,
            "按职责分工负责": Role.RESPONSIBLE,
            "按职能分工负责": Role.RESPONSIBLE,
            "按职责负责": Role.RESPONSIBLE,
            "分别负责": Role.RESPONSIBLE,
            "共同负责": Role.RESPONSIBLE,
            "负责": Role.RESPONSIBLE,
        }.items(),
        key=lambda kv: -len(kv[0]),
    )
)
_LABELS: tuple[tuple[str, Role | None], ...] = (
    ("牵头单位", Role.LEAD),
    ("牵头部门", Role.LEAD),
    ("主办单位", Role.LEAD),
    ("配合单位", Role.COOPERATE),
    ("配合部门", Role.COOPERATE),
    ("参与单位", Role.COOPERATE),
    ("协办单位", Role.COOPERATE),
    ("责任单位", None),
    ("责任部门", None),
    ("负责单位", None),
    ("负责部门", None),
    ("承办单位", None),
    ("责任主体", None),
)
_LABEL_RE = re.compile(r"(" + "|".join(label for label, _ in _LABELS) + r")\s*[：:]")
#: "排在第一位的部门为牵头部门", "列第一位者为牵头单位", "…为牵头单位，下同".
DECLARATION_RE = re.compile(r"(排在|列在?|排|居)?第一(位|个)[^，。；）)]{0,10}牵头(部门|单位)?")
#: Remarks inside an assignment bracket that name no unit.
_NOISE_RE = re.compile(r"(以下|下同|同上|，?下同)")
_CLAUSE_SPLIT = re.compile(r"[，,；;]")


@dataclass(frozen=True, slots=True)
class Assignment:
    units: list[ParsedUnit]
    text: str


def role_word_at_end(clause: str) -> tuple[str, str, Role] | None:
    """Split "省公安厅负责" into ("省公安厅", "负责", Role.RESPONSIBLE)."""
    for word, role in _ROLE_WORDS:
        if clause.endswith(word):
            return clause[: -len(word)], word, role
    return None


def mentions_roles(text: str) -> bool:
    return any(word in text for word, _ in _ROLE_WORDS) or bool(_LABEL_RE.search(text))


def parse_assignment(text: str, *, first_leads: bool) -> Assignment | None:
    """Parse bracket contents or a labelled line; None if it is not about units at all.

    Raises ValueError when it is plainly meant as an assignment but cannot be read.
    """
    body = _NOISE_RE.sub("", DECLARATION_RE.sub("", text))
    clauses = [c.strip() for c in _CLAUSE_SPLIT.split(body) if c.strip()]
    if not clauses:
        return None
    explicit = any(role_word_at_end(_drop_label(c)[0]) for c in clauses) or _LABEL_RE.search(body)
    if not explicit and not all(looks_like_unit(n) for c in clauses for n in re.split("、", c)):
        return None
    units: list[ParsedUnit] = []
    prefix: str | None = None
    labelled_relevant = False
    for clause in clauses:
        clause_body, label_role, label = _drop_label(clause)
        if label is not None and label_role is None and label not in _UNIT_LABEL_NAMES:
            continue
        if label is not None:
            labelled_relevant = True
        found = role_word_at_end(clause_body)
        if found:
            names_text, wording, role = found
        elif label is not None:
            names_text, wording, role = clause_body, label, label_role or Role.RESPONSIBLE
        elif not explicit or labelled_relevant:
            names_text, wording, role = clause_body, "", Role.RESPONSIBLE
        else:
            # A clause with neither role word nor label inside an explicit bracket: not units
            # ("适用范围：…", "2017年底前完成"); ignore it rather than invent a unit.
            continue
        names, prefix = split_unit_list(names_text, prefix)
        if not names:
            raise ValueError(clause)
        units.extend(ParsedUnit(n, role, wording, is_group(n)) for n in names)
    if not units:
        return None
    if first_leads:
        units = _apply_first_leads(units)
    return Assignment(_dedupe(units), text.strip())


_UNIT_LABEL_NAMES = {label for label, _ in _LABELS}


def _drop_label(clause: str) -> tuple[str, Role | None, str | None]:
    m = re.match(r"^\s*([^：:]{1,8})\s*[：:]\s*(.*)$", clause)
    if not m:
        return clause, None, None
    label, rest = m.group(1), m.group(2)
    role = dict(_LABELS).get(label)
    return rest, role, label


def _apply_first_leads(units: list[ParsedUnit]) -> list[ParsedUnit]:
    """Under "排在第一位的为牵头单位": unless roles were spelt out, the first unit leads."""
    if any(u.role is not Role.RESPONSIBLE or u.wording not in ("", "负责") for u in units):
        return units
    first, *rest = units
    return [ParsedUnit(first.name, Role.LEAD, first.wording, first.group)] + [
        ParsedUnit(u.name, Role.COOPERATE, u.wording, u.group) for u in rest
    ]


def _dedupe(units: list[ParsedUnit]) -> list[ParsedUnit]:
    seen: set[str] = set()
    out: list[ParsedUnit] = []
    for unit in units:
        if unit.name not in seen:
            seen.add(unit.name)
            out.append(unit)
    return out


def bracket_groups(text: str) -> list[tuple[int, int, str]]:
    """Top-level balanced （…） / (…) groups as (start, end, inner); nesting kept inside."""
    groups: list[tuple[int, int, str]] = []
    depth, start = 0, -1
    for i, ch in enumerate(text):
        if ch in "（(":
            if depth == 0:
                start = i
            depth += 1
        elif ch in "）)" and depth:
            depth -= 1
            if depth == 0:
                groups.append((start, i + 1, text[start + 1 : i]))
    return groups


def find_label(text: str) -> re.Match[str] | None:
    """A unit label outside brackets ("责任单位：…"), as in 责任单位 lines."""
    depth = 0
    for m in _LABEL_RE.finditer(text):
        depth = sum(1 if c in "（(" else -1 if c in "）)" else 0 for c in text[: m.start()])
        if depth == 0:
            return m
    return None
