"""Command-line layer: Chinese words for attachment refusals and sizes (the window has its
own translated words in ui/)."""

from __future__ import annotations

from domain.attachments import AttachmentKind, AttachmentRefused, PdfRisk, RefusalCode

REFUSAL_ZH: dict[RefusalCode, str] = {
    RefusalCode.EMPTY: "“{name}”是空文件（0 字节），不能作为佐证材料。",
    RefusalCode.UNREADABLE: "无法读取“{name}”（文件不存在、是文件夹或没有权限）。",
    RefusalCode.TOO_LARGE: "“{name}”超过单个文件大小上限（{limit}），请压缩或拆分后再添加。",
    RefusalCode.TOO_MANY: "每条进展最多 {limit} 个佐证材料，“{name}”未能添加。",
    RefusalCode.REPORT_TOO_LARGE: "一条进展的佐证材料合计超过 {limit}，“{name}”未能添加。",
    RefusalCode.EXECUTABLE: "“{name}”实际是可执行程序，不能作为佐证材料（与文件名无关）。",
    RefusalCode.SCRIPT: "“{name}”是脚本或打开即运行的文件类型，不能作为佐证材料。",
    RefusalCode.ARCHIVE: "“{name}”是压缩包，内容无法检查，请解压后添加其中的文件。",
    RefusalCode.MACRO: "“{name}”是含宏的 Office 文件（如 .docm），请另存为 .docx/.xlsx 后添加。",
    RefusalCode.NOT_OFFICE: "“{name}”看似 Word/Excel/OFD 文件，但内容不是有效的文档格式。",
    RefusalCode.OLD_OFFICE: (
        "“{name}”是旧版 Office 格式（.doc/.xls，可能含宏），请另存为 .docx/.xlsx。"
    ),
    RefusalCode.PDF_BOMB: "“{name}”中含有解压后异常巨大的数据（疑似压缩炸弹），已拒绝。",
    RefusalCode.UNKNOWN_TYPE: (
        "“{name}”不是允许的类型。允许：PDF、JPEG、PNG、Word（.docx）、Excel（.xlsx）、OFD、纯文本。"
    ),
}

KIND_ZH: dict[AttachmentKind, str] = {
    AttachmentKind.PDF: "PDF",
    AttachmentKind.JPEG: "JPEG 图片",
    AttachmentKind.PNG: "PNG 图片",
    AttachmentKind.DOCX: "Word 文档",
    AttachmentKind.XLSX: "Excel 表格",
    AttachmentKind.OFD: "OFD 版式文件",
    AttachmentKind.TEXT: "纯文本",
}

RISK_ZH: dict[PdfRisk, str] = {
    PdfRisk.JAVASCRIPT: "含 JavaScript 脚本",
    PdfRisk.EMBEDDED_FILE: "含嵌入文件",
    PdfRisk.LAUNCH: "含启动外部程序的动作",
}


def size_text(size: int) -> str:
    if size >= 1024 * 1024:
        return f"{size / 1024 / 1024:.1f} MB"
    if size >= 1024:
        return f"{size / 1024:.0f} KB"
    return f"{size} 字节"


def refusal_zh(exc: AttachmentRefused, limit: int | None = None) -> str:
    """One sentence naming the file; ``limit`` fills the cap where the code has one."""
    if exc.code in (RefusalCode.TOO_LARGE, RefusalCode.REPORT_TOO_LARGE) and limit is not None:
        limit_text = size_text(limit)
    else:
        limit_text = str(limit or "")
    return REFUSAL_ZH[exc.code].format(name=exc.file_name, limit=limit_text)
