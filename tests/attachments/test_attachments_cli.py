"""The clerk's commands: progress add --attach, attachments --list / --extract / --limits."""

from __future__ import annotations

from pathlib import Path

from tests.attachments import samples


def test_attach_list_extract_and_refuse(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    db = str(tmp_path / "unit.sqlite")
    folder = tmp_path / "材料 #1"
    pdf = samples.write(folder, "会议纪要.pdf", samples.pdf_bytes(2))
    photo = samples.write(folder, "现场照片.jpg", samples.jpeg_bytes())
    fake = samples.write(folder, "通知.pdf", samples.executable_bytes())
    assert cli("office", "--db", db, "--unit", "省知识产权局").code == 0
    base = ["progress", "add", "--db", db, "--task", "1", "--unit", "省知识产权局"]
    base += ["--status", "推进中", "--percent", "30", "--text", "召开专题会议"]
    base += ["--reporter", "张三"]

    refused = cli(*base, "--attach", str(pdf), "--attach", str(fake))
    assert refused.code == 1
    assert "“通知.pdf”实际是可执行程序" in refused.err
    added = cli(*base, "--attach", str(pdf), "--attach", str(photo))
    assert added.code == 0, added.err
    assert "佐证材料 2 个已保存" in added.out

    listed = cli("attachments", "--db", db, "--task", "1", "--list")
    assert listed.code == 0, listed.err
    assert "会议纪要.pdf  PDF" in listed.out and "2 页" in listed.out
    assert "现场照片.jpg  JPEG 图片" in listed.out
    as_json = cli(
        "attachments", "--db", db, "--task", "1", "--unit", "省知识产权局", "--list", "--json"
    )
    (report,) = as_json.json()
    assert [a["kind"] for a in report["attachments"]] == ["pdf", "jpeg"]

    out = tmp_path / "导出"
    extracted = cli("attachments", "--db", db, "--task", "1", "--extract", str(out))
    assert extracted.code == 0, extracted.err
    assert (out / "省知识产权局" / "会议纪要.pdf").read_bytes() == pdf.read_bytes()
    assert (out / "省知识产权局" / "现场照片.jpg").read_bytes() == photo.read_bytes()


def test_caps_are_set_by_the_office_only(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    db = str(tmp_path / "office.sqlite")
    assert "单个文件 50 MB" in cli("attachments", "--db", db, "--limits").out
    assert cli("office", "--db", db, "--unit", "省知识产权局").code == 0
    refused = cli("attachments", "--db", db, "--set-limits", "--max-files", "5")
    assert refused.code == 1 and "只有协调办公室" in refused.err
    assert cli("office", "--db", db, "--coordinating-office").code == 0
    done = cli(
        "attachments", "--db", db, "--set-limits", "--max-file-mb", "20", "--max-files", "5",
        "--reason", "统一要求",
    )  # fmt: skip
    assert done.code == 0, done.err
    assert "单个文件 20 MB，每条进展最多 5 个" in done.out


def test_task_sheet_lists_each_reports_attachments(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from pypdf import PdfReader

    db = str(tmp_path / "unit.sqlite")
    pdf = samples.write(tmp_path / "材料", "专题会议纪要.pdf", samples.pdf_bytes(3))
    assert cli("office", "--db", db, "--unit", "省知识产权局").code == 0
    added = cli(
        "progress", "add", "--db", db, "--task", "1", "--unit", "省知识产权局",
        "--status", "推进中", "--percent", "30", "--text", "召开专题会议", "--reporter", "张三",
        "--attach", str(pdf),
    )  # fmt: skip
    assert added.code == 0, added.err
    out = tmp_path / "督办单.pdf"
    made = cli("sheet", "--db", db, "--task", "1", "-o", str(out))
    assert made.code == 0, made.err
    text = "".join(page.extract_text() for page in PdfReader(out).pages)
    text = "".join(text.split())  # the detail column is narrow: lines break anywhere
    assert "佐证材料：专题会议纪要.pdf（PDF，" in text and "3页）" in text


def test_word_and_history_list_the_attachments_too(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from pypdf import PdfReader

    from tests.sheets.docxcheck import all_text, open_docx

    db = str(tmp_path / "unit.sqlite")
    pdf = samples.write(tmp_path / "材料", "专题会议纪要.pdf", samples.pdf_bytes(3))
    assert cli("office", "--db", db, "--unit", "省知识产权局").code == 0
    for percent, attach in (("30", []), ("50", ["--attach", str(pdf)])):
        added = cli(
            "progress", "add", "--db", db, "--task", "1", "--unit", "省知识产权局",
            "--percent", percent, "--text", "召开专题会议", "--reporter", "张三", *attach,
        )  # fmt: skip
        assert added.code == 0, added.err
    word = tmp_path / "督办单.docx"
    made = cli("sheet", "--db", db, "--task", "1", "--history", "-o", str(word))
    assert made.code == 0, made.err
    text = "".join(all_text(open_docx(word)).split())
    assert "佐证材料：专题会议纪要.pdf（PDF，" in text  # under the report that lists it
    assert text.count("佐证材料1件") == 1  # and counted in the history, once
    out = tmp_path / "督办单.pdf"
    made = cli("sheet", "--db", db, "--task", "1", "--history", "-o", str(out))
    assert made.code == 0, made.err
    pdf_text = "".join("".join(p.extract_text() for p in PdfReader(out).pages).split())
    assert pdf_text.count("佐证材料1件") == 1
