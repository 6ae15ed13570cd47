"""Plan intake: a document as received (Word, PDF, Excel, text) → the plan text → ParsedPlan.

Layer rule: no Qt, no SQLAlchemy. Readers use the standard library (Word), openpyxl (Excel)
and pdfminer.six with pdfplumber (PDF; table cells by their ruling lines); everything they
find becomes plan text lines that ``plan_parser`` reads, so one grammar reads unit lists
whatever the format.

- paragraph documents (Word, PDF) → their paragraphs as lines, Word's automatic list labels
  rendered into the text;
- a 分工表 / 台账 (Word table, Excel sheet, a table in a PDF) → one numbered line per row
  with its unit columns as a labelled bracket, section rows and a 所属部分 column as headings
  (``table_lines``).
"""

from __future__ import annotations

from pathlib import Path

from plan_intake.formats import Format, detect
from plan_parser import ParsedPlan, PlanParseError, parse_plan_text
from plan_parser.decoding import decode_plan_bytes
from plan_parser.parser import MAX_PLAN_BYTES

#: Word, PDF and Excel files carry fonts, images and styles: allow more than for text.
MAX_DOCUMENT_BYTES = 100 * 1024 * 1024

#: For file dialogs: what 导入方案 accepts.
PLAN_SUFFIXES = (".docx", ".pdf", ".xlsx", ".txt", ".md")


def read_plan_text(path: Path | str) -> str:
    """The plan as text, whatever the file; PlanParseError with a Chinese message if not."""
    path = Path(path)
    try:
        size = path.stat().st_size
        with path.open("rb") as handle:
            head = handle.read(2048)
    except FileNotFoundError:
        raise PlanParseError("missing", f"找不到文件：{path}") from None
    except IsADirectoryError:
        raise PlanParseError("missing", f"这是一个文件夹，不是方案文件：{path}") from None
    except OSError as exc:
        raise PlanParseError("unreadable", f"无法读取文件：{path}（{exc.strerror}）") from None
    kind = detect(path, head)
    limit = MAX_PLAN_BYTES if kind is Format.TEXT else MAX_DOCUMENT_BYTES
    if size > limit:
        raise PlanParseError(
            "too_large", f"文件过大（超过 {limit // (1024 * 1024)} MB），不像是一份分工方案。"
        )
    if kind is Format.TEXT:
        try:
            return decode_plan_bytes(path.read_bytes())
        except OSError as exc:
            raise PlanParseError("unreadable", f"无法读取文件：{path}（{exc.strerror}）") from None
    return "\n".join(_document_lines(path, kind)) + "\n"


def _document_lines(path: Path, kind: Format) -> list[str]:
    from plan_intake.document_lines import document_lines

    if kind is Format.DOCX:
        from plan_intake.docx_reader import read_docx

        lines = document_lines(read_docx(path))
    elif kind is Format.XLSX:
        from plan_intake.xlsx_reader import read_xlsx

        lines = document_lines(read_xlsx(path))
    else:
        from plan_intake.pdf_reader import read_pdf

        lines = document_lines(read_pdf(path))
    if not any(line.strip() for line in lines):
        raise PlanParseError("empty", "文件中没有文字内容，没有可导入的方案。")
    return lines


def parse_plan_document(path: Path | str) -> ParsedPlan:
    """Read any accepted document and parse it as a plan."""
    return parse_plan_text(read_plan_text(path))


__all__ = ["PLAN_SUFFIXES", "parse_plan_document", "read_plan_text"]
