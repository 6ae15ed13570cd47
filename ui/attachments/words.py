"""Window layer: words for attachments (kinds, risks, sizes, refusals), through Qt tr."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from domain.attachments import (
    AttachmentKind,
    AttachmentLimits,
    AttachmentRef,
    AttachmentRefused,
    PdfRisk,
    RefusalCode,
)

MIB = 1024 * 1024


def kind_text(kind: AttachmentKind) -> str:
    return {
        AttachmentKind.PDF: "PDF",
        AttachmentKind.JPEG: QCoreApplication.translate("AttachmentWords", "JPEG 图片"),
        AttachmentKind.PNG: QCoreApplication.translate("AttachmentWords", "PNG 图片"),
        AttachmentKind.DOCX: QCoreApplication.translate("AttachmentWords", "Word 文档"),
        AttachmentKind.XLSX: QCoreApplication.translate("AttachmentWords", "Excel 表格"),
        AttachmentKind.OFD: QCoreApplication.translate("AttachmentWords", "OFD 版式文件"),
        AttachmentKind.TEXT: QCoreApplication.translate("AttachmentWords", "纯文本"),
    }[kind]


def risk_text(risk: PdfRisk) -> str:
    return {
        PdfRisk.JAVASCRIPT: QCoreApplication.translate("AttachmentWords", "含 JavaScript 脚本"),
        PdfRisk.EMBEDDED_FILE: QCoreApplication.translate("AttachmentWords", "含嵌入文件"),
        PdfRisk.LAUNCH: QCoreApplication.translate("AttachmentWords", "含启动外部程序的动作"),
    }[risk]


def size_text(size: int) -> str:
    if size >= MIB:
        return QCoreApplication.translate("AttachmentWords", "{n} MB").format(n=f"{size / MIB:.1f}")
    if size >= 1024:
        return QCoreApplication.translate("AttachmentWords", "{n} KB").format(
            n=f"{size / 1024:.0f}"
        )
    return QCoreApplication.translate("AttachmentWords", "{n} 字节").format(n=size)


def describe(ref: AttachmentRef) -> str:
    """纪要.pdf — PDF，1.2 MB，3 页，⚠ 含 JavaScript 脚本"""
    parts = [kind_text(ref.kind), size_text(ref.size)]
    if ref.pages:
        parts.append(QCoreApplication.translate("AttachmentWords", "{n} 页").format(n=ref.pages))
    parts += ["⚠ " + risk_text(r) for r in sorted(ref.risks)]
    return QCoreApplication.translate("AttachmentWords", "{name} — {facts}").format(
        name=ref.file_name, facts=QCoreApplication.translate("AttachmentWords", "，").join(parts)
    )


def limits_text(limits: AttachmentLimits) -> str:
    return QCoreApplication.translate(
        "AttachmentWords", "单个文件不超过 {file} MB，每条进展最多 {count} 个、合计 {total} MB。"
    ).format(
        file=limits.max_file_bytes // MIB,
        count=limits.max_files,
        total=limits.max_report_bytes // MIB,
    )


def refusal_text(exc: AttachmentRefused, limits: AttachmentLimits) -> str:
    name = exc.file_name
    texts = {
        RefusalCode.EMPTY: QCoreApplication.translate(
            "AttachmentWords", "“{name}”是空文件（0 字节），不能作为佐证材料。"
        ),
        RefusalCode.UNREADABLE: QCoreApplication.translate(
            "AttachmentWords", "无法读取“{name}”（文件不存在、是文件夹或没有权限）。"
        ),
        RefusalCode.TOO_LARGE: QCoreApplication.translate(
            "AttachmentWords", "“{name}”超过单个文件大小上限（{limit}）。"
        ),
        RefusalCode.TOO_MANY: QCoreApplication.translate(
            "AttachmentWords", "每条进展最多 {limit} 个佐证材料，“{name}”未能添加。"
        ),
        RefusalCode.REPORT_TOO_LARGE: QCoreApplication.translate(
            "AttachmentWords", "佐证材料合计超过 {limit}，“{name}”未能添加。"
        ),
        RefusalCode.EXECUTABLE: QCoreApplication.translate(
            "AttachmentWords", "“{name}”实际是可执行程序，不能作为佐证材料（与文件名无关）。"
        ),
        RefusalCode.SCRIPT: QCoreApplication.translate(
            "AttachmentWords", "“{name}”是脚本或打开即运行的文件类型，不能作为佐证材料。"
        ),
        RefusalCode.ARCHIVE: QCoreApplication.translate(
            "AttachmentWords", "“{name}”是压缩包，内容无法检查，请解压后添加其中的文件。"
        ),
        RefusalCode.MACRO: QCoreApplication.translate(
            "AttachmentWords", "“{name}”是含宏的 Office 文件，请另存为 .docx/.xlsx 后添加。"
        ),
        RefusalCode.NOT_OFFICE: QCoreApplication.translate(
            "AttachmentWords", "“{name}”看似 Word/Excel/OFD 文件，但内容不是有效的文档格式。"
        ),
        RefusalCode.OLD_OFFICE: QCoreApplication.translate(
            "AttachmentWords", "“{name}”是旧版 Office 格式（.doc/.xls），请另存为 .docx/.xlsx。"
        ),
        RefusalCode.PDF_BOMB: QCoreApplication.translate(
            "AttachmentWords", "“{name}”中含有解压后异常巨大的数据（疑似压缩炸弹），已拒绝。"
        ),
        RefusalCode.UNKNOWN_TYPE: QCoreApplication.translate(
            "AttachmentWords",
            "“{name}”不是允许的类型。允许：PDF、JPEG、PNG、Word（.docx）、Excel（.xlsx）、OFD、纯文本。",
        ),
    }
    limit = {
        RefusalCode.TOO_LARGE: size_text(limits.max_file_bytes),
        RefusalCode.TOO_MANY: str(limits.max_files),
        RefusalCode.REPORT_TOO_LARGE: size_text(limits.max_report_bytes),
    }.get(exc.code, "")
    return texts[exc.code].format(name=name, limit=limit)
