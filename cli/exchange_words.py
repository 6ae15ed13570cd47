"""Command-line layer: Chinese sentences for exchange codes (the window has its own, via tr)."""

from __future__ import annotations

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
    "other_plan": "该交换文件属于另一份方案，本机没有这份方案",
}

RECORD_PROBLEMS_ZH: dict[RecordProblem, str] = {
    RecordProblem.NOT_SENDERS_UNIT: "不是发送单位自己的进展记录",
    RecordProblem.AUTHOR_NOT_SENDER: "记录的填报者不是发送方",
    RecordProblem.AUTHOR_WRONG_UNIT: "填报者不属于该单位",
    RecordProblem.PLAN_CONTENT_NOT_FROM_OFFICE: "方案内容只能由协调办公室修改",
    RecordProblem.UNKNOWN_TASK: "本机方案中没有这项任务",
    RecordProblem.UNIT_NOT_IN_TASK: "该单位在这项任务中没有分工",
    RecordProblem.WRONG_PLAN: "记录属于另一份方案",
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
        + (f"，方案修订 {report.new_plan_changes} 条" if report.new_plan_changes else ""),
    ]
    for rejected in report.rejected:
        lines.append(f"  拒收 {rejected.record_id[:8]}：{RECORD_PROBLEMS_ZH[rejected.problem]}")
    for anomaly in report.anomalies:
        lines.append(f"  异常 {anomaly.record_id[:8]}：{ANOMALIES_ZH[anomaly.kind]}")
    return lines
