"""Corpus scoring: a parsed plan against a golden written by reading the document.

A golden lists the document's tasks in order, each with its label, the opening words
of its text (``head``, to find the parser's task whatever its number) and its units
with roles. Scores:

* pair-F1 over (task, unit) pairs: a unit of a parser task that matches no golden task
  counts as a false pair, a golden pair the parser misses as a missed pair;
* role accuracy over the pairs both sides have;
* a refused document scores 0.
"""

from __future__ import annotations

import json
import os
import re
from dataclasses import dataclass, field
from pathlib import Path

from plan_parser import ParsedPlan, ParsedTask, PlanParseError, parse_plan_file

REPO_ROOT = Path(__file__).resolve().parents[2]
GOLDENS = Path(__file__).resolve().parent / "goldens"
#: Where the corpus lives: DUBAN_CORPUS, else ../shared/corpus beside the clone.
CORPUS_ENV = "DUBAN_CORPUS"
HEAD_CHARS = 12


def corpus_dir() -> Path | None:
    candidates = [os.environ.get(CORPUS_ENV, ""), str(REPO_ROOT.parent / "shared" / "corpus")]
    for candidate in candidates:
        if candidate and Path(candidate).is_dir():
            return Path(candidate)
    # A git worktree lives elsewhere; its main clone's sibling holds the corpus too.
    common = REPO_ROOT / ".git"
    if common.is_file():
        text = common.read_text(encoding="utf-8").strip()
        if text.startswith("gitdir:"):
            main_root = Path(text[7:].strip()).resolve().parents[2]
            fallback = main_root.parent / "shared" / "corpus"
            if fallback.is_dir():
                return fallback
    return None


@dataclass(frozen=True)
class GoldTask:
    label: str
    head: str
    units: dict[str, str]  # unit name → role as written in Role ("牵头", "配合", "负责")


@dataclass(frozen=True)
class Golden:
    slug: str
    level: str
    tasks: list[GoldTask]
    notes: list[str] = field(default_factory=list)
    #: How the golden was written: "text" (from the text alone), "re-read" (drafted from
    #: the parser's output, then read again from the text alone and compared), "second
    #: reading" (checked against a second, simple reading of every bracket), "checked"
    #: (drafted from the parser's output, checked task by task against the text).
    reading: str = "checked"


READINGS = ("text", "re-read", "second reading", "checked")


def load_golden(slug: str) -> Golden:
    data = json.loads((GOLDENS / f"{slug}.json").read_text(encoding="utf-8"))
    tasks = [GoldTask(t["label"], t["head"], dict(t["units"])) for t in data["tasks"]]
    return Golden(
        data["document"],
        data["level"],
        tasks,
        list(data.get("notes", [])),
        str(data.get("reading", "checked")),
    )


def golden_slugs() -> list[str]:
    return sorted(p.stem for p in GOLDENS.glob("*.json"))


@dataclass(frozen=True)
class Score:
    slug: str
    level: str
    gold_tasks: int
    parsed_tasks: int
    matched_tasks: int
    pair_f1: float
    precision: float
    recall: float
    role_accuracy: float
    refused: str | None = None
    misses: tuple[str, ...] = ()


def normalise(text: str) -> str:
    return re.sub(r"[\s\u00a0\u3000]", "", text)


def _matches(gold: GoldTask, task: ParsedTask) -> bool:
    head = normalise(gold.head)[:HEAD_CHARS]
    return normalise(task.text).startswith(head) or (
        normalise(task.label + task.text).startswith(head)
    )


def score_plan(golden: Golden, plan: ParsedPlan) -> Score:
    tasks = plan.all_tasks()
    gold_of: dict[int, int] = {}  # parser task index → golden task index
    taken: set[int] = set()
    start = 0
    for gi, gold in enumerate(golden.tasks):
        # Tasks come in document order: look forward first, then anywhere not yet taken.
        order = list(range(start, len(tasks))) + list(range(0, start))
        for ti in order:
            if ti not in taken and _matches(gold, tasks[ti]):
                gold_of[ti] = gi
                taken.add(ti)
                start = ti + 1
                break
    gold_pairs = {
        (gi, name): role for gi, g in enumerate(golden.tasks) for name, role in g.units.items()
    }
    parsed_pairs: dict[tuple[object, str], str] = {}
    for ti, task in enumerate(tasks):
        key: object = gold_of.get(ti, f"unmatched-{ti}")
        for unit in task.units:
            parsed_pairs.setdefault((key, unit.name), unit.role.value)
    common = gold_pairs.keys() & parsed_pairs.keys()
    precision = len(common) / len(parsed_pairs) if parsed_pairs else 0.0
    recall = len(common) / len(gold_pairs) if gold_pairs else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    right = sum(1 for k in common if gold_pairs[k] == parsed_pairs[k])
    misses = []
    for (gi, name), role in sorted(gold_pairs.items(), key=lambda kv: kv[0][0]):
        got = parsed_pairs.get((gi, name))
        if got != role:
            misses.append(
                f"{golden.tasks[gi].label}{golden.tasks[gi].head[:8]}: {name} {role} ≠ {got}"
            )
    for key, role in parsed_pairs.items():
        if key not in gold_pairs:
            misses.append(f"extra {key[0]}: {key[1]} {role}")
    return Score(
        golden.slug,
        golden.level,
        len(golden.tasks),
        len(tasks),
        len(gold_of),
        f1,
        precision,
        recall,
        right / len(common) if common else 0.0,
        misses=tuple(misses),
    )


def score_document(slug: str, corpus: Path) -> Score:
    golden = load_golden(slug)
    try:
        plan = parse_plan_file(corpus / f"{slug}.txt")
    except PlanParseError as exc:
        return Score(slug, golden.level, len(golden.tasks), 0, 0, 0.0, 0.0, 0.0, 0.0, exc.code)
    return score_plan(golden, plan)


def golden_json(
    slug: str, level: str, tasks: list[GoldTask], notes: list[str], reading: str = "checked"
) -> str:
    """A golden file with one task per line, so a reader can check it against the text."""
    rows = [
        json.dumps({"label": t.label, "head": t.head, "units": t.units}, ensure_ascii=False)
        for t in tasks
    ]
    notes_json = json.dumps(notes, ensure_ascii=False, indent=2).replace("\n", "\n  ")
    return (
        "{\n"
        f'  "document": {json.dumps(slug)},\n'
        f'  "level": {json.dumps(level)},\n'
        f'  "reading": {json.dumps(reading)},\n'
        f'  "notes": {notes_json},\n'
        '  "tasks": [\n    ' + ",\n    ".join(rows) + "\n  ]\n}\n"
    )
