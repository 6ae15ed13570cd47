"""Plan parsing layer: read a task's assignment (分工) into units and normalised roles."""

from __future__ import annotations

import re
from dataclasses import dataclass

from domain.enums import Role
from plan_parser.model import ParsedUnit
from plan_parser.units import is_group, looks_like_unit, split_top_level, split_unit_list

#: Role words as written, longest first so "按职责分别负责" wins over "负责".
_ROLE_WORDS: tuple[tuple[str, Role], ...] = tuple(
    sorted(
        {
            "牵头负责": Role.LEAD,
            "牵头落实": Role.LEAD,
            "牵头": Role.LEAD,
            "负责落实": Role.RESPONSIBLE,
            "负责指导": Role.RESPONSIBLE,
            "负责推进": Role.RESPONSIBLE,
            "负责实施": Role.RESPONSIBLE,
            "组织实施": Role.RESPONSIBLE,
            "指导": Role.RESPONSIBLE,
            "落实": Role.RESPONSIBLE,
            "配合": Role.COOPERATE,
            "参与": Role.COOPERATE,
            "协助": Role.COOPERATE,
            "按职责分别负责": Role.RESPONSIBLE,
            "按职责分工负责": Role.RESPONSIBLE,
            "按职能分工负责": Role.RESPONSIBLE,
            "按职责负责": Role.RESPONSIBLE,
            "分别负责": Role.RESPONSIBLE,
            "共同负责": Role.RESPONSIBLE,
            "具体负责": Role.RESPONSIBLE,
            "具体落实": Role.RESPONSIBLE,
            "主责": Role.LEAD,
            "统筹协调": Role.LEAD,
            "统筹推进": Role.LEAD,
            "协同": Role.COOPERATE,
            "协办": Role.COOPERATE,
            "参加": Role.COOPERATE,
            "负责": Role.RESPONSIBLE,
        }.items(),
        key=lambda kv: -len(kv[0]),
    )
)
_LABELS: tuple[tuple[str, Role | None], ...] = (
    ("牵头单位", Role.LEAD),
    ("牵头部门", Role.LEAD),
    ("主办单位", Role.LEAD),
    ("主责单位", Role.LEAD),
    ("牵头责任单位", Role.LEAD),
    ("配合单位", Role.COOPERATE),
    ("配合部门", Role.COOPERATE),
    ("参与单位", Role.COOPERATE),
    ("参与部门", Role.COOPERATE),
    ("协办单位", Role.COOPERATE),
    ("协助单位", Role.COOPERATE),
    ("协同单位", Role.COOPERATE),
    ("责任单位", None),
    ("责任部门", None),
    ("负责单位", None),
    ("负责部门", None),
    ("承办单位", None),
    ("实施单位", None),
    ("落实单位", None),
    ("责任主体", None),
)
UNIT_LABELS = tuple(sorted((label for label, _ in _LABELS), key=len, reverse=True))
_LABEL_RE = re.compile(r"(" + "|".join(UNIT_LABELS) + r")\s*[：:]")
#: "排在第一位的部门为牵头部门", "列第一位者为牵头单位", "…为牵头单位，下同".
DECLARATION_RE = re.compile(
    r"((排在|列在?|排|居)?第一(位|个)|排名第一|排在首位|列首位)[^，。；）)]{0,10}牵头(部门|单位)?"
)
#: "以下均需各市政府、雄安新区管委会落实，不再列出": units every later task has too.
CARRY_FORWARD_RE = re.compile(
    r"以下(?:均|都|各项|任务)*(?:需|由|需要|要求|请)?(?P<units>[^，,；;。]+?)"
    r"(?:负责落实|负责|落实)[，,]?(?:均|都)?不再(?:一一)?列出"
)
#: Remarks inside an assignment bracket that name no unit.
_NOISE = ("下同", "同上", "以下同")
_CLAUSE_SEPARATORS = "，,；;。"
#: A clause naming an organ ("…厅", "…委", "…政府") that gave no unit is reported, not dropped.
_UNITISH = re.compile(r"(厅|委|局|办|部|院|署|政府|中心|公司)")
#: … unless it is a remark about the units ("其他为协助配合单位") or a date.
_NOT_UNITS = re.compile(r"^(其他|其余|以下|以上|\d{4}年)|为.{0,6}单位$")
#: Generic units that only say "and whoever else": dropped after 会同 ("会同有关部门").
_GENERIC = ("有关部门", "相关部门", "有关单位", "相关单位", "有关方面", "各有关部门")


@dataclass(frozen=True, slots=True)
class Assignment:
    units: list[ParsedUnit]
    text: str
    #: Units the text says every later task has ("以下均需…落实，不再列出").
    carried: tuple[ParsedUnit, ...] = ()
    #: Clauses that name an organ but could not be read ("市发展改革委统筹安排").
    unread: tuple[str, ...] = ()


#: Wordings around a role verb: "按照职责分工负责推进", "研究落实", "抓好落实".
_ROLE_TAIL = re.compile(
    r"(?:按照?(?:各自)?职[责能](?:分工)?|分别|共同|具体|统一|研究|推进|组织|督促|抓好)*"
    r"(?P<verb>牵头|负责|配合|参与|协助|指导|落实)"
    r"(?:推进|落实|实施|组织实施|抓好落实|推动落实|督促落实)?$"
)
_VERB_ROLES = {"牵头": Role.LEAD, "配合": Role.COOPERATE, "参与": Role.COOPERATE}
_VERB_ROLES.update({"协助": Role.COOPERATE})


def role_word_at_end(clause: str) -> tuple[str, str, Role] | None:
    """Split "省公安厅负责" into ("省公安厅", "负责", Role.RESPONSIBLE)."""
    for word, role in _ROLE_WORDS:
        if clause.endswith(word):
            head = clause[: -len(word)]
            tail = _ROLE_TAIL.search(clause)
            if tail is not None and tail.start() < len(head):
                break  # a longer wording ends the clause ("…研究落实"): read it below
            return head, word, role
    tail = _ROLE_TAIL.search(clause)
    if tail is None or tail.start() == 0:
        return None
    role = _VERB_ROLES.get(tail.group("verb"), Role.RESPONSIBLE)
    return clause[: tail.start()], tail.group(0), role


def mentions_roles(text: str) -> bool:
    return any(word in text for word, _ in _ROLE_WORDS) or bool(_LABEL_RE.search(text))


def parse_assignment(text: str, *, first_leads: bool) -> Assignment | None:
    """Parse bracket contents or a labelled line; None if it is not about units at all.

    Raises ValueError when it is plainly meant as an assignment but cannot be read.
    """
    body = DECLARATION_RE.sub("", text)
    carried: list[ParsedUnit] = []
    forward = CARRY_FORWARD_RE.search(body)
    if forward is not None:
        names, _ = split_unit_list(forward.group("units"), None)
        carried = [ParsedUnit(n, Role.RESPONSIBLE, "落实", is_group(n)) for n in names]
        body = body[: forward.start()] + body[forward.end() :]
    clauses = [c.strip() for c in split_top_level(body, _CLAUSE_SEPARATORS)]
    clauses = [c for c in clauses if c and c not in _NOISE]
    if not clauses:
        return Assignment([], text.strip(), tuple(carried)) if carried else None
    explicit = any(role_word_at_end(_drop_label(c)[0]) for c in clauses) or _LABEL_RE.search(body)
    if not explicit and not all(
        looks_like_unit(n) for c in clauses for n in split_top_level(c, "、")
    ):
        return None
    units: list[ParsedUnit] = []
    prefix: str | None = None
    current_label: tuple[str, Role | None] | None = None
    #: Lists cut by "，" before their role word: "省人社厅、省教育厅，雄安新区管委会按职责分工负责".
    pending: list[str] = []
    unread: list[str] = []
    for clause in clauses:
        clause_body, label_role, label = _drop_label(clause)
        if label is not None and label not in _UNIT_LABEL_NAMES:
            current_label = None  # "完成时限：…", "适用范围：…" name no unit
            continue
        if label is not None:
            current_label = (label, label_role)
        found = role_word_at_end(clause_body)
        if label is not None and label_role is not None:
            # "牵头部门：农业农村部、科技部按职责分工负责": the label says who leads.
            names_text = found[0] if found else clause_body
            wording, role = label, label_role
        elif found:
            names_text, wording, role = found
        elif current_label is not None and current_label[1] is not None:
            names_text, wording, role = clause_body, current_label[0], current_label[1]
        elif current_label is not None:
            names_text, wording, role = clause_body, current_label[0], Role.RESPONSIBLE
        elif not explicit:
            names_text, wording, role = clause_body, "", Role.RESPONSIBLE
        else:
            # Neither role word nor label inside an explicit bracket: units still waiting
            # for the role word of a later clause, or no units at all ("2017年底前完成",
            # "其他为协助配合单位"), which are ignored rather than made into units.
            if all(looks_like_unit(n) for n in split_top_level(clause_body, "、")):
                pending.append(clause_body)
            elif _UNITISH.search(clause_body) and not _NOT_UNITS.search(clause_body):
                unread.append(clause)
            continue
        for waiting in pending:
            waiting_units, prefix = _clause_units(waiting, wording, role, prefix)
            units.extend(waiting_units)
        pending.clear()
        clause_units, prefix = _clause_units(names_text, wording, role, prefix)
        if not clause_units:
            raise ValueError(clause)
        units.extend(clause_units)
    if not units:
        return Assignment([], text.strip(), tuple(carried)) if carried else None
    if first_leads:
        units = _apply_first_leads(units)
    return Assignment(_dedupe(units), text.strip(), tuple(carried), tuple(unread))


def _clause_units(
    names_text: str, wording: str, role: Role, prefix: str | None
) -> tuple[list[ParsedUnit], str | None]:
    """Units of one clause; "A会同B负责" makes A lead and B cooperate."""
    head, sep, rest = names_text.partition("会同")
    if sep and head and role is Role.RESPONSIBLE:
        leads, prefix = split_unit_list(head, prefix)
        helpers, prefix = split_unit_list(rest, prefix)
        return (
            [ParsedUnit(n, Role.LEAD, "会同", is_group(n)) for n in leads]
            + [
                ParsedUnit(n, Role.COOPERATE, "会同", is_group(n))
                for n in helpers
                if n not in _GENERIC
            ]
        ), prefix
    names, prefix = split_unit_list(names_text, prefix)
    return [ParsedUnit(n, role, wording, is_group(n)) for n in names], prefix


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
    if any(u.role is not Role.RESPONSIBLE for u in units):
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
