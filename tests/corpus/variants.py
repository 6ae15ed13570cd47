"""The corpus as offices really receive it: copies out of a PDF, a web page or WPS.

Each variant turns a document's text into what a clerk would paste or save after copying
it from somewhere else, keeping its meaning: the same tasks with the same units. Where a
variant rewrites characters the golden's heads and unit names are rewritten the same way
(``fold``), so the score measures the reading, not the spelling.

* PDF copies: hard line breaks every ~28–38 characters inside paragraphs (widths as printed:
  a Latin letter or digit takes half a cell, and a closing mark never starts a line, 避头尾),
  page numbers on their own lines ("— 3 —", "- 3 -", "第 3 页", a bare "3", or beside a
  title in the page foot), a running head on top of
  every page, the paragraph indent kept or lost (or every line indented once pasted into
  WPS), a space between every character;
* web copies: no blank lines or a blank line after every paragraph, every line indented
  (full-width spaces or a tab), zero-width spaces inside words, labels or a paragraph's
  closing bracket on a line of their own, brackets and colons half-width instead of
  full-width or the reverse, "1." written "1．", "1、" or "１．";
* saved files: GB18030, UTF-16, UTF-8 with a BOM, Windows line endings, trailing spaces;
* the covering notice left out: the text starts at its first numbered item (in a text
  without line breaks, at its first "一、").
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path

from plan_parser import PlanParseError, parse_plan_bytes, parse_plan_text
from tests.corpus.scoring import Golden, GoldTask, Score, load_golden, score_plan

#: GB/T 9704: 28 characters to a line, 22 lines to a page.
PAGE_LINES = 22
_INDENT = "\u3000\u3000"
#: Marks that may not start a printed line (避头尾): they stay at the end of the one above.
_NO_LINE_START = "。，、；：？！）)》」』”’．,.;:!?%"


def _identity(text: str) -> str:
    return text


@dataclass(frozen=True)
class Variant:
    name: str
    #: What a clerk would have done to get this text.
    description: str
    make: Callable[[str], str | bytes]
    #: The same rewriting for the golden's heads and unit names (punctuation variants).
    fold: Callable[[str], str] = _identity


def _cell_width(ch: str) -> float:
    return 0.5 if ord(ch) < 0x2000 else 1.0


def wrap_paragraph(paragraph: str, width: int) -> list[str]:
    """``paragraph`` printed ``width`` cells to a line; a closing mark stays on the line above."""
    lines: list[str] = []
    current, used = "", 0.0
    for ch in paragraph:
        cell = _cell_width(ch)
        if current and used + cell > width and ch not in _NO_LINE_START:
            lines.append(current)
            current, used = "", 0.0
        current += ch
        used += cell
    if current:
        lines.append(current)
    return lines


def _paragraphs(text: str) -> list[str]:
    """The text's paragraphs: its non-empty lines, without their indents."""
    return [x.strip(" \t\u3000\u00a0") for x in text.split("\n") if x.strip(" \t\u3000\u00a0")]


def pdf_copy(
    width: int, *, keep_indent: bool, page_mark: str = "— {} —", head: str | None = None
) -> Callable[[str], str]:
    """Text selected in a PDF reader and pasted: printed lines, page numbers, running heads.

    The PDF prints every paragraph with a two-character first-line indent (GB/T 9704); the
    copy keeps it as full-width spaces or loses it (the first line is then two cells short).
    """

    def make(text: str) -> str:
        printed: list[str] = []
        for paragraph in _paragraphs(text):
            wrapped = wrap_paragraph(_INDENT + paragraph, width)
            if not keep_indent:
                wrapped[0] = wrapped[0][len(_INDENT) :]
            printed.extend(wrapped)
        out: list[str] = []
        for start in range(0, len(printed), PAGE_LINES):
            page = start // PAGE_LINES + 1
            if head is not None and page > 1:
                out.append(head)
            out.extend(printed[start : start + PAGE_LINES])
            out.append(page_mark.format(page))
        return "\n".join(out) + "\n"

    return make


def _no_blank_lines(text: str) -> str:
    return "\n".join(x for x in text.split("\n") if x.strip()) + "\n"


def _indent_every_line(indent: str) -> Callable[[str], str]:
    def make(text: str) -> str:
        return "\n".join(indent + x.strip(" \t\u3000") for x in text.split("\n") if x.strip())

    return make


_TO_HALF = str.maketrans("（）：", "():")
_TO_FULL = str.maketrans("():", "（）：")


def _to_half(text: str) -> str:
    return text.translate(_TO_HALF)


def _to_full(text: str) -> str:
    return text.translate(_TO_FULL)


#: An arabic item number where an item starts: at a line start or after a sentence end.
_ARABIC_LABEL = re.compile(
    r"(^|(?<=[。；;）)\s\u3000\u00a0]))(\d{1,3})[.．、](?!\d(?!\d{3}年))", re.M
)


def _arabic_labels(mark: str) -> Callable[[str], str]:
    def make(text: str) -> str:
        return _ARABIC_LABEL.sub(lambda m: m.group(1) + m.group(2) + mark, text)

    return make


def _double_spaced(text: str) -> str:
    return "\n\n".join(x for x in text.split("\n") if x.strip()) + "\n"


def _letter_spaced(text: str) -> str:
    """A PDF whose characters are placed one by one: the copy has a space between each."""
    printed = pdf_copy(30, keep_indent=False)(text)
    return "\n".join(" ".join(line) for line in printed.split("\n"))


def _labels_apart(text: str) -> str:
    """A label copied on a line of its own ("（一）" then the item's text)."""
    from plan_parser.numbering import match_numbering

    out: list[str] = []
    for line in text.split("\n"):
        numbered = match_numbering(line.strip(" \t\u3000\u00a0"))
        out.extend([numbered.label, numbered.rest] if numbered and numbered.rest else [line])
    return "\n".join(out)


#: A bracket that closes a paragraph (one level of brackets inside it allowed).
_CLOSING_BRACKET = re.compile(
    r"(?<=[。；;])\s*([（(][^（）()\n]*(?:[（(][^（）()\n]*[）)][^（）()\n]*)*[）)])"
    r"[。；]?[ \t\u3000]*$",
    re.M,
)


def _brackets_apart(text: str) -> str:
    """A web page that set each paragraph's closing bracket (its assignment) on its own line."""
    return _CLOSING_BRACKET.sub(lambda m: "\n" + m.group(1), text)


def _zero_width(text: str) -> str:
    """A web page's zero-width spaces, here and there inside words and names."""
    return "".join(
        ch + ("\u200b" if i % 37 == 5 and ch != "\n" else "") for i, ch in enumerate(text)
    )


_FULL_DIGITS = str.maketrans("0123456789", "０１２３４５６７８９")


def _full_width_labels(text: str) -> str:
    """WPS in full-width mode: "１．" for "1."."""
    return _ARABIC_LABEL.sub(lambda m: m.group(1) + m.group(2).translate(_FULL_DIGITS) + "．", text)


def _gb18030(text: str) -> bytes:
    return text.encode("gb18030")


def _windows(text: str) -> bytes:
    return text.replace("\n", "\r\n").encode("utf-8")


def _trailing_spaces(text: str) -> str:
    return "\n".join(x + ("  " if i % 2 else " \t") for i, x in enumerate(text.split("\n")))


def _without_notice(text: str) -> str:
    """The text from its first numbered item on (a clerk copied the plan, not the notice);
    in a text without line breaks, from its first "一、" after a sentence."""
    from plan_parser.numbering import match_numbering

    lines = text.split("\n")
    first = next((i for i, x in enumerate(lines) if match_numbering(x.strip(" \t\u3000\u00a0"))), 0)
    if first == 0:
        for i, line in enumerate(lines):
            top = re.search(r"(?<=[。：:）)\s\u00a0])一、", line) if len(line) >= 300 else None
            if top is not None:
                lines[i] = line[top.start() :]
                first = i
                break
    return "\n".join(lines[first:])


def _pdf_saved_on_windows(text: str) -> bytes:
    made = pdf_copy(28, keep_indent=True, page_mark="- {} -", head="政府信息公开")(text)
    return made.replace("\n", "\r\n").encode("gb18030")


VARIANTS: tuple[Variant, ...] = (
    Variant(
        "pdf-28",
        "PDF 复制：每行 28 字（GB/T 9704）、页码“— n —”，段首缩进保留",
        pdf_copy(28, keep_indent=True),
    ),
    Variant(
        "pdf-35-flush", "PDF 复制：每行 35 字、页码，段首缩进丢失", pdf_copy(35, keep_indent=False)
    ),
    Variant(
        "pdf-38-head",
        "PDF 复制：每行 38 字、页码“- n -”、每页页眉，段首缩进丢失",
        pdf_copy(38, keep_indent=False, page_mark="- {} -", head="重点任务分工方案"),
    ),
    Variant(
        "pdf-30-page-word",
        "PDF 复制：每行 30 字、页码“第 n 页”、每页页眉，段首缩进保留",
        pdf_copy(30, keep_indent=True, page_mark="第 {} 页", head="河北省人民政府文件"),
    ),
    Variant(
        "pdf-plain-page-numbers",
        "PDF 复制：每行 28 字，页码只是数字“3”（Word 默认页码）",
        pdf_copy(28, keep_indent=True, page_mark="{}"),
    ),
    Variant(
        "pdf-foot-title",
        "PDF 复制：每行 32 字，页脚“河北省人民政府公报 — n —”，段首缩进丢失",
        pdf_copy(32, keep_indent=False, page_mark="河北省人民政府公报 — {} —"),
    ),
    Variant(
        "pdf-33-half",
        "PDF 复制：每行 33 字、括号冒号半角，段首缩进丢失",
        lambda text: pdf_copy(33, keep_indent=False)(_to_half(text)),
        _to_half,
    ),
    Variant(
        "pdf-28-wps-indent",
        "PDF 复制后粘贴到 WPS：每行 28 字，每一行都缩进两格",
        lambda text: _indent_every_line(_INDENT)(pdf_copy(28, keep_indent=False)(text)),
    ),
    Variant("pdf-spaced", "PDF 复制：逐字定位的 PDF，字与字之间带空格", _letter_spaced),
    Variant("web-no-blank", "网页复制：去掉空行", _no_blank_lines),
    Variant("web-indent-full", "网页复制：每行以全角空格缩进", _indent_every_line(_INDENT)),
    Variant("web-indent-tab", "网页复制：每行以制表符缩进", _indent_every_line("\t")),
    Variant("web-double-spaced", "网页复制：每段之后一个空行", _double_spaced),
    Variant("labels-apart", "编号单独成行（“（一）”与正文分开）", _labels_apart),
    Variant("brackets-apart", "段末的分工括号单独成行", _brackets_apart),
    Variant("web-zero-width", "网页复制：字间夹带零宽空格", _zero_width),
    Variant("half-width", "括号、冒号改为半角", _to_half, _to_half),
    Variant("full-width", "括号、冒号改为全角", _to_full, _to_full),
    Variant("label-fullstop", "“1.”写作“1．”", _arabic_labels("．"), _arabic_labels("．")),
    Variant("label-comma", "“1.”写作“1、”", _arabic_labels("、"), _arabic_labels("、")),
    Variant("label-full-width", "“1.”写作全角“１．”", _full_width_labels, _full_width_labels),
    Variant("gb18030", "另存为 GB18030", _gb18030),
    Variant("utf16", "记事本另存为“Unicode”（UTF-16，带 BOM）", lambda text: text.encode("utf-16")),
    Variant("utf8-bom", "记事本另存为 UTF-8（带 BOM）", lambda text: text.encode("utf-8-sig")),
    Variant("crlf", "Windows 换行（CRLF）", _windows),
    Variant("trailing-spaces", "行尾空格与制表符", _trailing_spaces),
    Variant("no-notice", "去掉前面的通知（从第一个编号条目或“一、”开始）", _without_notice),
    Variant(
        "pdf-gb18030-crlf",
        "PDF 复制（28 字、页码、页眉）在 Windows 记事本另存为 GB18030",
        _pdf_saved_on_windows,
    ),
)


def folded(golden: Golden, fold: Callable[[str], str]) -> Golden:
    """``golden`` with its heads and unit names rewritten the way the variant's text was."""
    tasks = [
        GoldTask(t.label, fold(t.head), {fold(n): r for n, r in t.units.items()})
        for t in golden.tasks
    ]
    return replace(golden, tasks=tasks)


def score_variant(slug: str, variant: Variant, corpus: Path) -> Score:
    golden = folded(load_golden(slug), variant.fold)
    made = variant.make((corpus / f"{slug}.txt").read_text(encoding="utf-8"))
    try:
        plan = parse_plan_bytes(made) if isinstance(made, bytes) else parse_plan_text(made)
    except PlanParseError as exc:
        return Score(slug, golden.level, len(golden.tasks), 0, 0, 0.0, 0.0, 0.0, 0.0, exc.code)
    return score_plan(golden, plan)


def score_table(corpus: Path) -> dict[str, dict[str, Score]]:
    """Every document under every variant: slug → variant name → score."""
    from tests.corpus.scoring import golden_slugs

    return {
        slug: {v.name: score_variant(slug, v, corpus) for v in VARIANTS} for slug in golden_slugs()
    }


def _figure(score: Score) -> float:
    return 0.0 if score.refused else min(score.pair_f1, score.role_accuracy)


def worst_table(corpus: Path) -> list[tuple[str, str, float]]:
    """(document, its worst variant, that variant's pair-F1 — or role accuracy if lower)."""
    rows = []
    for slug, scores in score_table(corpus).items():
        name, score = min(scores.items(), key=lambda kv: _figure(kv[1]))
        rows.append((slug, name, _figure(score)))
    return rows


def _print_report(corpus: Path) -> None:
    table = score_table(corpus)
    names = [v.name for v in VARIANTS]
    print("document".ljust(22) + "".join(n[:9].rjust(10) for n in names) + "   worst")
    for slug, scores in table.items():
        cells = ["refused" if s.refused else f"{_figure(s):.3f}" for s in scores.values()]
        name, worst = min(scores.items(), key=lambda kv: _figure(kv[1]))
        print(
            slug.ljust(22) + "".join(c.rjust(10) for c in cells) + f"   {_figure(worst):.3f} {name}"
        )


if __name__ == "__main__":
    from tests.corpus.scoring import corpus_dir

    found = corpus_dir()
    if found is None:
        raise SystemExit("corpus not found: set DUBAN_CORPUS or put it at ../shared/corpus")
    _print_report(found)
