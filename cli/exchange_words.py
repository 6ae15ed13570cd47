"""Command-line layer: Chinese sentences for exchange codes (the window has its own, via tr)."""

from __future__ import annotations

from collections.abc import Mapping

from domain.exchange_records import AnomalyKind, MergeReport, RecordProblem

FILE_REJECTIONS_ZH: dict[str, str] = {
    "unreadable": "无法读取文件（文件不存在、是文件夹或没有读取权限）",
    "partial_file": "这是未写完的临时文件（.partial），请重新导出",
    "empty": "文件为空",
    "too_large": "文件过大，不是 Duban 交换文件",
    "not_sqlite": "不是 Duban 交换文件（不是 SQLite 数据库）",
    "truncated": "文件不完整（可能复制时 U 盘被拔出），请重新导出",
    "size_mismatch": "文件长度与其头部不符（文件被改动或损坏）",
    "bad_header": "文件头部损坏",
    "wal": "文件处于 WAL 模式，不是完整的交换文件，请重新导出",
    "wrong_encoding": "文件的文字编码不是 UTF-8，不是 Duban 交换文件",
    "foreign_file": "这是其他软件的 SQLite 文件，不是 Duban 交换文件",
    "newer_format": "交换文件由更新版本的 Duban 导出，请升级 Duban 后再导入",
    "older_format_unsupported": "交换文件格式过旧，无法读取",
    "schema_mismatch": "文件结构与 Duban 交换文件不符（多出或缺少表、视图、触发器或索引）",
    "corrupt": "文件已损坏（完整性检查未通过）",
    "foreign_key_violation": "文件内部引用不一致（已损坏）",
    "forbidden": "文件试图执行不允许的操作，已拒绝",
    "time_budget": "读取文件超时（文件可能被恶意构造）",
    "resource_limit": "文件超出读取限制（文件可能被恶意构造）",
    "bad_value": "文件中有类型或取值不正确的数据",
    "too_many_rows": "文件中的记录数过多",
    "count_mismatch": "清单中的记录数与文件内容不符（文件被改动）",
    "digest_mismatch": "记录的校验值与清单不符（文件在导出后被改动）",
    "bad_signature": "签名无效：文件在导出后被改动，或签名已损坏",
    "attachment_mismatch": "佐证材料与签名记录中的校验值不符（缺少、多出或被改动），请重新导出",
    "attachment_refused": "文件中的佐证材料不是允许的类型（如可执行程序），已拒收",
    "other_plan": (
        "该交换文件属于另一份方案，本机还没有这份方案：请先用 import-plan（或窗口中的"
        "“文件 → 导入方案”）导入该方案的原文件，再导入本文件"
    ),
}

RECORD_PROBLEMS_ZH: dict[RecordProblem, str] = {
    RecordProblem.NOT_SENDERS_UNIT: "不是发送单位自己的进展记录",
    RecordProblem.AUTHOR_NOT_SENDER: "记录的填报者不是发送方",
    RecordProblem.AUTHOR_WRONG_UNIT: "填报者不属于该单位",
    RecordProblem.PLAN_CONTENT_NOT_FROM_OFFICE: "方案内容只能由协调办公室修改",
    RecordProblem.UNKNOWN_TASK: "本机方案中没有这项任务",
    RecordProblem.UNIT_NOT_IN_TASK: "该单位在这项任务中没有分工",
    RecordProblem.WRONG_PLAN: "记录属于另一份方案",
    RecordProblem.REVIEW_NOT_FROM_OFFICE: "审核意见和领导批示只能由协调办公室记录",
    RecordProblem.REVISION_ID_TAKEN: "记录编号已被其他单位的记录占用，本机保留原记录（已记入异常）",
    RecordProblem.REPORT_OF_OTHER_UNIT: "记录挂在其他单位或其他任务的报告下",
    RecordProblem.PARENT_OF_OTHER_UNIT: "记录修改的是其他单位或其他任务的进展",
    RecordProblem.UNKNOWN_PARENT: "记录修改的上一版本在本机和文件中都不存在",
    RecordProblem.PARENT_REFUSED: "记录修改的上一版本已被拒收",
    RecordProblem.IMPLAUSIBLE_COUNTER: "记录的计数器大得不合常理（疑似伪造）",
    RecordProblem.BAD_PAYLOAD: "方案修订内容无法应用（引用了不存在的部分或任务，或格式错误）",
}

ANOMALIES_ZH: dict[AnomalyKind, str] = {
    AnomalyKind.SAME_ID_DIFFERENT_CONTENT: "同一记录编号内容不同（两份均已保留，请核对）",
    AnomalyKind.REPEATED_SEQUENCE: "同一安装的序号重复（可能恢复过备份或复制了安装），均已保留",
}


def sender_label(report: MergeReport) -> str:
    sender = report.sender
    unit = "协调办公室" if sender.is_coordinating_office else (sender.unit_name or "未设置单位")
    return f"{unit}（{sender.name}）"


def report_lines(report: MergeReport) -> list[str]:
    if report.already_imported:
        return [f"  这个文件已经导入过，0 条新记录（来自 {sender_label(report)}）。"]
    lines = [
        f"  来自：{sender_label(report)}；方案：{report.plan_title}",
        f"  新记录 {report.new_revisions} 条，已有 {report.present_revisions} 条，"
        f"冲突 {report.conflicts} 条，拒收 {len(report.rejected)} 条"
        + (f"，方案修订 {report.new_plan_changes} 条" if report.new_plan_changes else "")
        + (f"，审核意见 {report.new_reviews} 条" if report.new_reviews else "")
        + (f"，领导批示 {report.new_instructions} 条" if report.new_instructions else ""),
    ]
    if report.rule_breaches:
        lines.append(
            f"  其中 {report.rule_breaches} 条进展不符合现行填报规则（旧版本录入，"
            "如缺少填报人），已原样保留并标注。"
        )
    if report.new_attachments:
        size = report.new_attachment_bytes / 1024 / 1024
        lines.append(f"  新的佐证材料 {report.new_attachments} 个（{size:.1f} MB）")
    for rejected in report.rejected:
        lines.append(f"  拒收 {rejected.record_id[:8]}：{RECORD_PROBLEMS_ZH[rejected.problem]}")
    for anomaly in report.anomalies:
        lines.append(f"  异常 {anomaly.record_id[:8]}：{ANOMALIES_ZH[anomaly.kind]}")
    return lines


# --- Signatures and the key registry (README "Signed exchange files") --------------------

#: Refusals where the file's (signed, or at least claimed) sender is worth naming.
_NAME_THE_SENDER = frozenset(
    {"bad_signature", "digest_mismatch", "count_mismatch", "attachment_mismatch",
     "attachment_refused"}
)  # fmt: skip

TRUST_ZH: dict[str, str] = {
    "unsigned": (
        "{sender}的文件没有签名（由旧版 Duban 导出），只能预览，不能导入。"
        "请联系{unit}升级 Duban 后重新导出。"
    ),
    "unknown_key": (
        # No fingerprint here: the clerk must type it from the sender's card, and one on
        # screen would be the easy thing to copy (keys --trust compares the two).
        "{sender}的签名密钥尚未在本机登记。文件可以预览，暂不导入。"
        "请逐组核对{unit}登记卡上的指纹（或电话核实）后运行："
        'keys --trust "{file}" --fingerprint "登记卡上的指纹"，再重新导入。'
    ),
    "key_retired": (
        "{sender}的签名密钥 {key_id} 已于 {retired_at} 停用，而该文件签署于 {signed_at}，"
        "已拒收。请联系{unit}用新登记的密钥重新导出。"
    ),
    "key_wrong_unit": (
        "文件自称来自{sender}，但签名密钥登记在{key_owner}名下，疑似冒用，已拒收。"
        "请联系{unit}核实并重新导出。"
    ),
    "key_wrong_unit_own_claim": "文件自称由本机导出，但不是本机的密钥签名，疑似伪造，已拒收。",
    "key_wrong_unit_own_key": (
        "文件自称来自{sender}，却是用本机的密钥签名的，已拒收。请联系{unit}重新导出。"
    ),
    "office_key_mismatch": (
        "文件自称来自协调办公室，但签名密钥（指纹 {fingerprint}）不是本机已确认的"
        "协调办公室密钥（编号 {pinned_key_id}），已拒收。请电话联系协调办公室核实；"
        "如协调办公室确已更换电脑，先运行 keys --retire {pinned_key_id}，"
        "再核对新的登记卡后运行 keys --trust。"
    ),
}


def who(unit_name: str, is_office: bool, installation_name: str = "") -> tuple[str, str]:
    """(sender with installation, unit alone): ("省公安厅（PC-01）", "省公安厅")."""
    unit = "协调办公室" if is_office else (unit_name or "未设置单位的安装")
    return (f"{unit}（{installation_name}）" if installation_name else unit), unit


def rejection_line(file_name: str, code: str, claimed: Mapping[str, str]) -> str:
    """One line for a file the reader refused; names the sender the file claims, if any."""
    reason = FILE_REJECTIONS_ZH.get(code, code)
    line = f"拒收 {file_name}：{reason}。数据库未作改动。"
    if code in _NAME_THE_SENDER and (claimed.get("unit_name") or claimed.get("installation_name")):
        sender, unit = who(
            claimed.get("unit_name", ""),
            claimed.get("is_coordinating_office") == "1",
            claimed.get("installation_name", ""),
        )
        line += f"文件自称来自{sender}，请联系{unit}重新导出。"
    return line


def trust_message(report: MergeReport, file_path: str) -> str:
    """Why the key registry refuses (or would refuse) to merge this file, and what to do."""
    extra = report.extra
    code = extra.get("trust", "")
    sender, unit = who(
        report.sender.unit_name, report.sender.is_coordinating_office, report.sender.name
    )
    if code == "key_wrong_unit":
        if "key_unit_name" not in extra and "key_installation_name" not in extra:
            code = "key_wrong_unit_own_claim"
        elif extra.get("key_is_own"):
            code = "key_wrong_unit_own_key"
    key_owner, _ = who(
        extra.get("key_unit_name", ""),
        bool(extra.get("key_is_office")),
        extra.get("key_installation_name", ""),
    )
    template = TRUST_ZH.get(code, "{code}")
    return template.format(
        sender=sender, unit=unit, file=file_path, code=code, key_owner=key_owner,
        fingerprint=extra.get("key_fingerprint", ""), key_id=extra.get("key_id", ""),
        retired_at=extra.get("key_retired_at", ""), signed_at=extra.get("signed_at", ""),
        pinned_key_id=extra.get("pinned_key_id", ""),
    )  # fmt: skip


def signature_line(report: MergeReport) -> str | None:
    """The signature as the preview shows it (accepted files only)."""
    if report.already_imported or "trust" in report.extra:
        return None
    fingerprint = report.extra.get("key_fingerprint")
    return f"  签名：有效，密钥已登记（指纹 {fingerprint}）" if fingerprint else None
