"""Command-line layer: ``backup --list`` and ``backup --restore FILE`` (数据库备份与恢复).

Backups are made automatically before every migration and import (the last few are
kept, in ``<db>.backups/``); restoring one first backs up the current database.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from cli.common import EXIT_OK, CommandError, add_db_option, database_path, say
from models.locations import ServerAddress

#: Why a backup was made, as its file name says.
REASONS_ZH = {
    "before-migration": "升级数据库结构前",
    "before-import": "导入交换文件前",
    "before-restore": "恢复备份前",
}
BACKUP_ERRORS_ZH = {
    "missing": "备份文件不存在：{detail}",
    "not_a_database": "这不是 SQLite 数据库文件，或文件已损坏：{detail}",
    "not_a_duban_database": "这不是 Duban 的数据库备份：{detail}",
    "database_too_new": "这份备份由更新版本的 Duban 创建，本版本无法使用：{detail}",
    "damaged": "备份文件已损坏，不能恢复：{detail}",
    "same_file": "所选文件就是当前数据库本身：{detail}",
    "other_installation": (
        "这份备份来自另一台电脑（{detail}），不是本机的数据；恢复后本机将变成那台电脑"
        "（安装编号、所属单位和已登记的密钥都随之改变）。如确要这样做（例如更换电脑后"
        "接收旧电脑的数据），请加 --other-pc 再运行"
    ),
    "disk_full": "磁盘空间已满，无法先备份当前数据，因此没有恢复：{detail}",
    "read_only": "备份文件夹不可写入（只读或没有权限），无法先备份当前数据，因此没有恢复：{detail}",
    "database_locked": "数据库正被其他 Duban 窗口或程序占用，请关闭后重试：{detail}",
    "io_error": "无法先备份当前数据（读写出错），因此没有恢复：{detail}",
}


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("backup", help="查看或恢复数据库的自动备份")
    add_db_option(p)
    action = p.add_mutually_exclusive_group(required=True)
    action.add_argument("--list", action="store_true", help="列出自动备份（最新的在前）")
    action.add_argument(
        "--restore",
        type=Path,
        metavar="FILE",
        help="用这份备份替换当前数据（当前数据会先另存为一份备份）",
    )
    p.add_argument(
        "--other-pc",
        action="store_true",
        help="确认要恢复另一台电脑的数据库（本机将改用那台电脑的安装编号和单位）",
    )
    p.set_defaults(handler=cmd_backup)


def reason_text(code: str) -> str:
    return REASONS_ZH.get(code, code or "手动")


def cmd_backup(args: argparse.Namespace) -> int:
    from models.backups import BackupError, backups, backups_dir, restore_backup

    db = database_path(args)
    if isinstance(db, ServerAddress):
        raise CommandError(
            f"数据在数据库服务器上（{db.display()}）：备份由服务器的 pg_dump 定时任务负责，"
            "恢复也在服务器上进行（见 README“服务器”一节）。本机没有这份数据的备份。"
        )
    if args.list:
        found = backups(db)
        if not found:
            say(f"没有备份：{backups_dir(db)}")
            return EXIT_OK
        say(f"{db} 的备份（{backups_dir(db)}）：")
        for info in found:
            when = info.made_at.strftime("%Y-%m-%d %H:%M:%S") if info.made_at else "时间未知"
            size = f"{info.size / 1024:.0f} KB"
            say(f"  {when}  {reason_text(info.reason):<10}  {size:>8}  {info.path.name}")
        return EXIT_OK
    try:
        saved = restore_backup(db, args.restore, allow_other_installation=args.other_pc)
    except BackupError as exc:
        message = BACKUP_ERRORS_ZH.get(exc.code, "{detail}").format(detail=exc.detail)
        raise CommandError(f"{message}。当前数据未作改动。") from None
    say(f"已用备份恢复数据：{args.restore}")
    if saved is not None:
        say(f"恢复前的数据已另存为：{saved}")
    return EXIT_OK
