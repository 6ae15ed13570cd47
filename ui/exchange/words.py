"""Window layer: words for the codes of USB exchange (交换文件): refusals, write failures,
record problems, anomalies, signature verdicts.

The exchange engine returns codes; ``cli/exchange_words.py`` says them on the command line,
this module says them in the window through ``QCoreApplication.translate`` (context
``ExchangeWords``). A code this module does not know yet (a newer engine) still gets a
sentence: a generic one followed by the code, so a clerk can quote it on the phone.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from domain.exchange_records import AnomalyKind, ExportScope, RecordProblem, Sender
from ui.common import words


def file_refusal_text(code: str) -> str:
    """Why a whole file was refused (``ImportOutcome.rejected_code``): one sentence."""
    texts = {
        "unreadable": QCoreApplication.translate(
            "ExchangeWords", "无法读取文件（文件不存在、是文件夹或没有读取权限）。"
        ),
        "partial_file": QCoreApplication.translate(
            "ExchangeWords", "这是未写完的临时文件（.partial），请重新导出。"
        ),
        "empty": QCoreApplication.translate("ExchangeWords", "文件为空。"),
        "too_large": QCoreApplication.translate("ExchangeWords", "文件过大，不是督办交换文件。"),
        "not_sqlite": QCoreApplication.translate(
            "ExchangeWords", "不是督办交换文件（不是 SQLite 数据库）。"
        ),
        "truncated": QCoreApplication.translate(
            "ExchangeWords", "文件不完整（可能复制时 U 盘被拔出），请重新导出。"
        ),
        "size_mismatch": QCoreApplication.translate(
            "ExchangeWords", "文件长度与其头部不符（文件被改动或损坏）。"
        ),
        "bad_header": QCoreApplication.translate("ExchangeWords", "文件头部损坏。"),
        "wal": QCoreApplication.translate("ExchangeWords", "文件不完整（WAL 模式），请重新导出。"),
        "wrong_encoding": QCoreApplication.translate(
            "ExchangeWords", "文件的文字编码不是 UTF-8，不是督办交换文件。"
        ),
        "foreign_file": QCoreApplication.translate(
            "ExchangeWords", "这是其他软件的 SQLite 文件，不是督办交换文件。"
        ),
        "newer_format": QCoreApplication.translate(
            "ExchangeWords", "交换文件由更新版本的督办导出，请升级督办后再导入。"
        ),
        "older_format_unsupported": QCoreApplication.translate(
            "ExchangeWords", "交换文件格式过旧，无法读取。"
        ),
        "schema_mismatch": QCoreApplication.translate(
            "ExchangeWords", "文件结构与督办交换文件不符（多出或缺少表、视图、触发器或索引）。"
        ),
        "corrupt": QCoreApplication.translate("ExchangeWords", "文件已损坏（完整性检查未通过）。"),
        "foreign_key_violation": QCoreApplication.translate(
            "ExchangeWords", "文件内部引用不一致（已损坏）。"
        ),
        "forbidden": QCoreApplication.translate(
            "ExchangeWords", "文件试图执行不允许的操作，已拒绝。"
        ),
        "time_budget": QCoreApplication.translate(
            "ExchangeWords", "读取文件超时（文件可能被恶意构造）。"
        ),
        "resource_limit": QCoreApplication.translate(
            "ExchangeWords", "文件超出读取限制（文件可能被恶意构造）。"
        ),
        "bad_value": QCoreApplication.translate(
            "ExchangeWords", "文件中有类型或取值不正确的数据。"
        ),
        "too_many_rows": QCoreApplication.translate("ExchangeWords", "文件中的记录数过多。"),
        "count_mismatch": QCoreApplication.translate(
            "ExchangeWords", "清单中的记录数与文件内容不符（文件被改动）。"
        ),
        "digest_mismatch": QCoreApplication.translate(
            "ExchangeWords", "记录的校验值与清单不符（文件在导出后被改动）。"
        ),
        "bad_signature": QCoreApplication.translate(
            "ExchangeWords", "文件的签名无效（文件在导出后被改动，或不是由督办导出）。"
        ),
        "other_plan": QCoreApplication.translate(
            "ExchangeWords",
            "该交换文件属于另一份方案，本机还没有这份方案：请先用“文件 → 导入方案”导入该方案的"
            "原文件，再导入本文件。",
        ),
        "attachment_mismatch": QCoreApplication.translate(
            "ExchangeWords",
            "佐证材料与签名记录中的校验值不符（缺少、多出或被改动），请对方重新导出。",
        ),
        "attachment_refused": QCoreApplication.translate(
            "ExchangeWords", "文件中的佐证材料不是允许的类型（如可执行程序），已拒收。"
        ),
    }
    text = texts.get(code)
    if text is None:
        text = trust_text(code) if code in _TRUST_CODES else generic_refusal_text(code)
    return text


def generic_refusal_text(code: str) -> str:
    return QCoreApplication.translate("ExchangeWords", "文件未被接受（原因代码：{code}）。").format(
        code=code
    )


# Signature verdicts (domain.key_records.TrustCode): the file reads fine but may not be
# merged here until its key is confirmed (or never, for a forged or retired key).
_TRUST_CODES = {
    "unsigned",
    "unknown_key",
    "key_retired",
    "key_wrong_unit",
    "office_key_mismatch",
}


def trust_text(code: str, fingerprint: str = "") -> str:
    """Why a file that reads cleanly may only be previewed, not merged (its signature)."""
    texts = {
        "unsigned": QCoreApplication.translate(
            "ExchangeWords",
            "文件没有签名（由旧版督办导出），只能预览，不能导入。请发送方升级后重新导出。",
        ),
        "unknown_key": QCoreApplication.translate(
            "ExchangeWords",
            "发送方的签名密钥尚未在本机登记，只能预览，不能导入。"
            "请点“登记密钥…”，输入发送方登记卡上的指纹（或电话核实），登记后再导入。",
        ),
        "key_retired": QCoreApplication.translate(
            "ExchangeWords", "签名所用的密钥已停用，文件不能导入。请发送方用新密钥重新导出。"
        ),
        "key_wrong_unit": QCoreApplication.translate(
            "ExchangeWords", "签名密钥登记的是另一台电脑或另一个单位，文件不能导入。"
        ),
        "office_key_mismatch": QCoreApplication.translate(
            "ExchangeWords",
            "文件自称来自协调办公室，但签名不是本机登记的协调办公室密钥，文件不能导入。",
        ),
    }
    text = texts.get(code) or QCoreApplication.translate(
        "ExchangeWords", "发送方的签名未通过核验（原因代码：{code}），不能导入。"
    ).format(code=code)
    if fingerprint:
        text += " " + QCoreApplication.translate("ExchangeWords", "密钥指纹：{fingerprint}").format(
            fingerprint=fingerprint
        )
    return text


def write_error_text(code: str, folder: str) -> str:
    """Why an export could not be written (``exchange.errors.WriteCode``)."""
    texts = {
        "missing_folder": QCoreApplication.translate(
            "ExchangeWords", "目标文件夹不存在（U 盘是否已拔出？）：{folder}"
        ),
        "read_only": QCoreApplication.translate(
            "ExchangeWords", "目标位置只读或没有写入权限：{folder}"
        ),
        "disk_full": QCoreApplication.translate(
            "ExchangeWords", "目标磁盘已满，请腾出空间或换一个 U 盘：{folder}"
        ),
        "exists": QCoreApplication.translate(
            "ExchangeWords", "目标文件已存在；导出从不覆盖已有文件：{folder}"
        ),
        "bad_name": QCoreApplication.translate("ExchangeWords", "文件名不被目标磁盘接受：{folder}"),
        "verify_failed": QCoreApplication.translate(
            "ExchangeWords", "导出文件自检未通过，未写入任何文件。"
        ),
        "readback_mismatch": QCoreApplication.translate(
            "ExchangeWords",
            "写入后读回的内容与原文件不符（U 盘可能有问题），已删除该文件，请换一个 U 盘：{folder}",
        ),
        "io_error": QCoreApplication.translate("ExchangeWords", "写入时发生错误：{folder}"),
    }
    text = texts.get(code) or QCoreApplication.translate(
        "ExchangeWords", "导出未完成（原因代码：{code}）：{folder}"
    )
    return text.format(code=code, folder=folder)


def export_refusal_text(code: str, detail: str = "") -> str:
    """Why the store would not build an export (``StoreError`` codes)."""
    texts = {
        "not_configured": QCoreApplication.translate(
            "ExchangeWords", "尚未设置本机单位，请先在“工具 → 设置本机单位”中选择。"
        ),
        "not_coordinating_office": QCoreApplication.translate(
            "ExchangeWords", "只有协调办公室可以导出全部记录或方案内容。"
        ),
        "unit_not_allowed": QCoreApplication.translate(
            "ExchangeWords", "本机属于{detail}，只能导出本单位的记录。"
        ),
        "key_locked": QCoreApplication.translate(
            "ExchangeWords", "本机签名密钥设有口令，须输入口令才能导出。"
        ),
        "own_key_missing": QCoreApplication.translate(
            "ExchangeWords",
            "本机的签名私钥文件不见了（密钥编号 {detail}），未导出。"
            "如能从回收站或备份中找回，请放回用户数据目录的 keys 文件夹后重新导出；"
            "否则须在“密钥”中停用本机旧密钥、生成新密钥，打印新的登记卡交协调办公室登记："
            "在此之前用新密钥导出的文件会被协调办公室拒收。",
        ),
        "key_file_io": QCoreApplication.translate(
            "ExchangeWords",
            "无法读取本机的签名密钥文件（{detail}），未导出。请检查文件权限；如无法恢复，"
            "须停用本机旧密钥、生成新密钥，并打印新的登记卡交协调办公室登记。",
        ),
    }
    text = texts.get(code)
    return text.format(detail=detail) if text else words.store_error_text(code, detail)


def record_problem_text(problem: RecordProblem | str) -> str:
    texts = {
        RecordProblem.NOT_SENDERS_UNIT: QCoreApplication.translate(
            "ExchangeWords", "不是发送单位自己的进展记录"
        ),
        RecordProblem.AUTHOR_NOT_SENDER: QCoreApplication.translate(
            "ExchangeWords", "记录的填报者不是发送方"
        ),
        RecordProblem.AUTHOR_WRONG_UNIT: QCoreApplication.translate(
            "ExchangeWords", "填报者不属于该单位"
        ),
        RecordProblem.PLAN_CONTENT_NOT_FROM_OFFICE: QCoreApplication.translate(
            "ExchangeWords", "方案内容只能由协调办公室修改"
        ),
        RecordProblem.UNKNOWN_TASK: QCoreApplication.translate(
            "ExchangeWords", "本机方案中没有这项任务"
        ),
        RecordProblem.UNIT_NOT_IN_TASK: QCoreApplication.translate(
            "ExchangeWords", "该单位在这项任务中没有分工"
        ),
        RecordProblem.WRONG_PLAN: QCoreApplication.translate("ExchangeWords", "记录属于另一份方案"),
        RecordProblem.REVIEW_NOT_FROM_OFFICE: QCoreApplication.translate(
            "ExchangeWords", "审核意见和领导批示只能由协调办公室记录"
        ),
        RecordProblem.REVISION_ID_TAKEN: QCoreApplication.translate(
            "ExchangeWords", "记录编号已被其他单位的记录占用，本机保留原记录（已记入异常）"
        ),
        RecordProblem.REPORT_OF_OTHER_UNIT: QCoreApplication.translate(
            "ExchangeWords", "记录挂在其他单位或其他任务的报告下"
        ),
        RecordProblem.PARENT_OF_OTHER_UNIT: QCoreApplication.translate(
            "ExchangeWords", "记录修改的是其他单位或其他任务的进展"
        ),
        RecordProblem.UNKNOWN_PARENT: QCoreApplication.translate(
            "ExchangeWords", "记录修改的上一版本在本机和文件中都不存在"
        ),
        RecordProblem.PARENT_REFUSED: QCoreApplication.translate(
            "ExchangeWords", "记录修改的上一版本已被拒收"
        ),
        RecordProblem.IMPLAUSIBLE_COUNTER: QCoreApplication.translate(
            "ExchangeWords", "记录的计数器大得不合常理（疑似伪造）"
        ),
        RecordProblem.BAD_PAYLOAD: QCoreApplication.translate(
            "ExchangeWords", "方案修订内容无法应用（引用了不存在的部分或任务，或格式错误）"
        ),
    }
    try:
        return texts[RecordProblem(problem)]
    except (ValueError, KeyError):
        return QCoreApplication.translate(
            "ExchangeWords", "记录未被接受（原因代码：{code}）"
        ).format(code=problem)


def anomaly_text(kind: AnomalyKind | str) -> str:
    texts = {
        AnomalyKind.SAME_ID_DIFFERENT_CONTENT: QCoreApplication.translate(
            "ExchangeWords", "同一记录编号内容不同（两份均已保留，请核对）"
        ),
        AnomalyKind.REPEATED_SEQUENCE: QCoreApplication.translate(
            "ExchangeWords",
            "同一台电脑的记录序号重复（可能恢复过备份或复制了安装），均已保留，请核对",
        ),
    }
    try:
        return texts[AnomalyKind(kind)]
    except ValueError:
        return QCoreApplication.translate("ExchangeWords", "需要核对的异常（代码：{code}）").format(
            code=kind
        )


def scope_text(scope: ExportScope) -> str:
    return {
        ExportScope.UNIT: QCoreApplication.translate("ExchangeWords", "本单位的进展记录"),
        ExportScope.ALL: QCoreApplication.translate("ExchangeWords", "全部记录和方案内容"),
        ExportScope.PLAN_ONLY: QCoreApplication.translate("ExchangeWords", "仅方案内容"),
    }[scope]


def office_label(unit_name: str | None, is_coordinating_office: bool) -> str:
    """The unit an installation serves, as a clerk says it."""
    if is_coordinating_office:
        return words.coordinating_office_text()
    return unit_name or QCoreApplication.translate("ExchangeWords", "未设置单位")


def sender_text(sender: Sender) -> str:
    """省公安厅（PC-07）: the unit and the computer's name, as the file claims them."""
    unit = office_label(sender.unit_name, sender.is_coordinating_office)
    return QCoreApplication.translate("ExchangeWords", "{unit}（{computer}）").format(
        unit=unit, computer=sender.name
    )


def log_outcome_text(code: str) -> str:
    """The ``outcome`` column of the import log."""
    texts = {
        "merged": QCoreApplication.translate("ExchangeWords", "已合并"),
        "key_mismatch": QCoreApplication.translate("ExchangeWords", "登记密钥：指纹不符，未登记"),
    }
    return texts.get(code) or code
