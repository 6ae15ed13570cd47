"""Storage layer: errors the store raises, as codes; callers turn them into words."""

from __future__ import annotations

import errno
import shutil
from pathlib import Path

from domain.validation import ProgressProblem

#: Chinese messages for the command line; the window has its own translated words.
STORE_MESSAGES_ZH: dict[str, str] = {
    "not_a_database": "这不是 Duban 数据库文件，或文件已损坏：{detail}",
    "not_a_duban_database": "这个 SQLite 文件不是 Duban 的数据库，未作任何改动：{detail}",
    "database_too_new": (
        "数据库由更新版本的 Duban 创建，请升级 Duban 后再打开（文件未作改动）：{detail}"
    ),
    "unknown_unit": "方案中没有这个单位：{detail}",
    "alias_needs_two": "至少要选两个不同的单位名称，才能认定为同一单位：{detail}",
    "not_an_alias": "这个名称目前不是其他单位的别名，无需撤销：{detail}",
    "unknown_task": "方案中没有这项任务：{detail}",
    "ambiguous_task": "任务编号不唯一，请用“部分.方面.序号”形式指定：{detail}",
    "unknown_plan": "没有这个方案：{detail}",
    "plan_exists": "这份方案已经导入过了：{detail}",
    "not_coordinating_office": (
        "只有协调办公室可以修改方案内容（完成时限、报送节点、任务调整）；"
        "本机不是协调办公室：{detail}"
    ),
    "not_configured": "本机尚未设置所属单位，请先运行 office --unit 单位名称：{detail}",
    "unit_not_allowed": "本机属于{detail}，不能为其他单位填报进展。",
    "parent_of_other_unit": "这条进展属于{detail}，只能由该单位（或协调办公室代其）修改。",
    "empty_text": "任务内容不能为空：{detail}",
    "empty_title": "方案名称不能为空：{detail}",
    "empty_reason": "请写明原因（留痕）：{detail}",
    "no_units": "任务至少要有一个责任单位：{detail}",
    "bad_warning_days": "临期提醒天数应在 0 到 365 之间：{detail}",
    "bad_attachment_limits": "佐证材料上限不合理：{detail}",
    "unknown_attachment": "没有这个佐证材料：{detail}",
    "bad_database_url": (
        "数据库地址写法不对，应为 postgresql://用户名@主机[:端口]/数据库名：{detail}"
    ),
    "unsupported_database_url": (
        "只支持 SQLite 文件路径或 postgresql:// 开头的服务器地址，未作任何改动：{detail}"
    ),
    "bad_database_option": "数据库地址中有不认识的连接参数：{detail}",
    "server_unreachable": (
        "连不上数据库服务器，请检查主机名、端口、网络和服务器是否开机：{detail}"
    ),
    "server_auth_failed": (
        "数据库服务器拒绝登录，请检查用户名和密码（或 pgpass 文件、PGPASSWORD）：{detail}"
    ),
    "server_database_missing": "服务器上没有这个数据库，请信息管理人员先建库：{detail}",
    "server_migration_unconfirmed": (
        "服务器上的 Duban 数据需要升级结构，升级会影响所有连接这台服务器的电脑，"
        "未经确认不做改动：{detail}"
    ),
    "server_busy": "数据库服务器正忙，多次重试仍未完成，请稍后再试（数据未改动）：{detail}",
    "server_backup_failed": "升级前用 pg_dump 备份服务器数据库失败，未做升级：{detail}",
    "shared_key_missing": (
        "这台电脑上没有协调办公室的签名密钥文件，不能签名导出（不会另造新密钥，"
        "以免各单位拒收）。请信息管理人员把密钥文件复制到：{detail}"
    ),
    "revision_superseded": (
        "这条进展在您修改期间已被他人修改并保存（{detail}），您的修改未保存。"
        "请先查看最新内容，再决定是否修改。"
    ),
    "server_not_empty": (
        "服务器上的这个数据库里已有 Duban 数据，迁移不会覆盖它（未作任何改动）：{detail}"
    ),
    "migration_count_mismatch": "迁移后核对条数不一致，已全部撤销，服务器未作改动：{detail}",
    "server_error": "数据库服务器报错，操作未完成（数据未改动）：{detail}",
    "no_report": "该单位在这项任务上没有可以撤回或审核的进展：{detail}",
    "office_only": "只有协调办公室可以{detail}；本机不是协调办公室。",
    "return_reason_required": "退回修改须写明原因（{detail}）。",
    "instruction_incomplete": "领导批示须填写批示内容和批示人。",
    "text_too_long": "填写内容过长，请精简后再保存：{detail}",
    "disk_full": (
        "磁盘空间已满，Duban 无法写入（打开数据库也需要少量空间），数据未作改动。"
        "请清理磁盘、腾出空间后重试：{detail}"
    ),
    "read_only": (
        "文件或文件夹是只读的（或没有写入权限），Duban 无法写入，数据未作改动。"
        "请检查文件夹的权限，或把数据放到可以写入的位置：{detail}"
    ),
    "database_locked": (
        "数据库正被其他 Duban 窗口或程序长时间占用，本次操作未完成，数据未作改动。"
        "请稍后再试，或关闭其他正在导入、导出的窗口：{detail}"
    ),
    "io_error": "读写数据时出错，数据未作改动。请检查磁盘或 U 盘后重试：{detail}",
}


#: Codes of ``storage_error_code`` that say the file is fine but could not be used now.
STORAGE_CODES = frozenset({"disk_full", "read_only", "database_locked", "io_error"})
#: Less free space than this where the database lives: a "disk I/O error" means a full disk.
_NEARLY_FULL = 4 * 1024 * 1024


def storage_error_code(exc: BaseException, where: Path | None = None) -> str:
    """What went wrong writing or reading the database or a copy of it, as a code of
    STORE_MESSAGES_ZH: never "damaged" for a healthy file that could not be written.
    ``where`` (a file or folder) lets a vague "disk I/O error" be told apart from a full
    disk by the free space there."""
    number = getattr(exc, "errno", None)
    text = str(exc).lower()
    if number == errno.ENOSPC or "disk is full" in text or "disk full" in text:
        return "disk_full"
    if number in (errno.EROFS, errno.EACCES, errno.EPERM) or isinstance(exc, PermissionError):
        return "read_only"
    if "readonly" in text or "read-only" in text or "unable to open" in text:
        return "read_only"
    if "database is locked" in text or "database table is locked" in text:
        return "database_locked"
    if "disk i/o error" in text and where is not None and _nearly_full(where):
        return "disk_full"
    import sqlite3  # here: the window imports this module before it first paints

    if isinstance(exc, sqlite3.DatabaseError) and ("malformed" in text or "not a database" in text):
        return "not_a_database"
    return "io_error"


def _nearly_full(where: Path) -> bool:
    folder = where if where.is_dir() else where.parent
    try:
        return shutil.disk_usage(folder).free < _NEARLY_FULL
    except OSError:
        return False


class StoreError(Exception):
    """A refused store action; ``code`` is a key of STORE_MESSAGES_ZH."""

    def __init__(self, code: str, detail: str = "") -> None:
        super().__init__(f"{code}: {detail}")
        self.code = code
        self.detail = detail

    @property
    def message_zh(self) -> str:
        return STORE_MESSAGES_ZH.get(self.code, "{detail}").format(detail=self.detail)


class ProgressRejected(Exception):
    """The entry breaks a rule of domain.validation; nothing was written."""

    def __init__(self, problems: list[ProgressProblem]) -> None:
        super().__init__(", ".join(p.value for p in problems))
        self.problems = problems
