"""Plan parsing layer: bytes from a government PC → text (UTF-8, BOM, GB18030/GBK, UTF-16)."""

from __future__ import annotations

from plan_parser.errors import PlanParseError

_CONTROL_OK = {"\n", "\r", "\t", "\f", "\v"}


def decode_plan_bytes(data: bytes) -> str:
    """Detect the encoding rather than ask: clerks do not know what WPS saved."""
    if not data.strip():
        raise PlanParseError("empty", "文件为空，没有可导入的方案内容。")
    text = _decode(data)
    if "\x00" in text or _control_ratio(text) > 0.02:
        raise PlanParseError("binary", "这不是文本文件（看起来是二进制文件），无法作为方案导入。")
    text = text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise PlanParseError("empty", "文件为空，没有可导入的方案内容。")
    return text


def _decode(data: bytes) -> str:
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            pass
    elif data.startswith(b"\xef\xbb\xbf"):
        try:
            return data.decode("utf-8-sig")
        except UnicodeDecodeError:
            pass
    if b"\x00" in data:
        raise PlanParseError("binary", "这不是文本文件（看起来是二进制文件），无法作为方案导入。")
    for encoding in ("utf-8", "gb18030"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise PlanParseError(
        "undecodable",
        "无法识别文件的文字编码（支持 UTF-8 与 GB18030/GBK），请另存为 UTF-8 文本后再导入。",
    )


def _control_ratio(text: str) -> float:
    sample = text[:20000]
    if not sample:
        return 0.0
    bad = sum(1 for ch in sample if ord(ch) < 32 and ch not in _CONTROL_OK)
    bad += sample.count("\ufffd")
    return bad / len(sample)
