"""Command-line layer: keys (this PC's signing key, registration card, the key registry)."""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from cli.common import EXIT_OK, CommandError, add_db_option, open_store, say

if TYPE_CHECKING:
    from domain.key_records import KeyRecord
    from models.errors import StoreError
    from models.store import Store
    from signing.keys import InstallationKey

#: For scripts; a person at a terminal is asked instead.
PASSPHRASE_ENV = "DUBAN_KEY_PASSPHRASE"

KEY_ERRORS_ZH: dict[str, str] = {
    "fingerprint_mismatch": (
        "输入的指纹与文件中的密钥不一致（第 {detail} 组不同），未登记，已记入导入日志。"
        "请再逐组核对登记卡；如确实不一致，请勿导入该文件，并与对方单位电话核实。"
    ),
    "own_installation": "这是本机自己的密钥（或自称本机的文件），无需登记：{detail}",
    "key_retired": "该密钥已停用，不能再次登记：{detail}。请对方用新密钥重新导出并提供新的登记卡。",
    "key_registered_elsewhere": "该密钥已登记在{detail}名下，不能再登记给其他安装或单位。",
    "office_key_pinned": (
        "本机已确认协调办公室的密钥（编号 {detail}），不能再登记另一把。"
        "如协调办公室确已更换电脑，请电话核实后先运行 keys --retire {detail}。"
    ),
    "installation_conflict": (
        "该安装编号已登记在{detail}名下，而这份文件来自另一个单位或另一台电脑名称："
        "两台电脑可能是从同一个系统镜像复制的。未作改动，{detail}的密钥继续有效。"
        "如是复制的电脑，请在后装的那台电脑上用新的数据目录重新安装 Duban，再打印登记卡；"
        "如确是同一台电脑改了单位或名称，请电话核实后加 --replace 重新登记（原密钥将停用）。"
    ),
    "unknown_key_id": "没有这个密钥编号：{detail}（可用 keys --show 查看）",
    "ambiguous_key_id": "密钥编号不唯一，请输入完整的 16 位编号：{detail}",
    "already_retired": "该密钥已经停用：{detail}",
    "bad_date": "日期格式应为 YYYY-MM-DD：{detail}",
    "key_locked": (
        "本机签名密钥设有口令：请在终端中运行以输入口令，或设置环境变量 " + PASSPHRASE_ENV + "。"
    ),
    "wrong_passphrase": "签名密钥的口令不正确。",
    "bad_key_file": (
        "签名密钥文件已损坏或不是 Duban 的密钥（{detail}）。"
        "可运行 keys --retire 本机密钥编号，生成新密钥后重新打印登记卡。"
    ),
    "key_file_io": (
        "无法读取本机的签名密钥文件（{detail}），未导出。请检查文件权限；"
        "如无法恢复，须运行 keys --retire 本机密钥编号 生成新密钥，"
        "打印新的登记卡（keys --card）交协调办公室登记。"
    ),
    "own_key_missing": (
        "本机的签名私钥文件不见了（密钥编号 {detail}），未导出。"
        "如能从回收站或备份中找回，请放回用户数据目录的 keys 文件夹后重新导出；"
        "否则运行 keys --retire {detail} 生成新密钥，再用 keys --card 打印新的登记卡，"
        "签字盖章后交协调办公室登记：在此之前用新密钥导出的文件会被协调办公室拒收。"
    ),
    "key_exists": "签名密钥文件已存在，未覆盖：{detail}",
    "own_key_retired": "密钥文件中是本机已停用的旧密钥（{detail}），请移走该文件后重试。",
}

STATUS_ZH = {"pending": "待确认", "confirmed": "已确认", "retired": "已停用"}


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("keys", help="签名密钥：查看本机指纹、打印登记卡、登记或停用密钥")
    add_db_option(p)
    action = p.add_mutually_exclusive_group(required=True)
    action.add_argument("--show", action="store_true", help="显示本机密钥指纹和已登记的密钥")
    action.add_argument("--card", action="store_true", help="打印本机的密钥登记卡（PDF）")
    action.add_argument("--trust", type=Path, metavar="FILE", help="核对指纹后登记该文件的密钥")
    action.add_argument("--retire", metavar="KEY_ID", help="停用一个密钥（电脑丢失、更换）")
    p.add_argument("-o", "--output", type=Path, help="登记卡 PDF 的保存位置（与 --card 同用）")
    p.add_argument("--fingerprint", metavar="FP", help="登记卡上的指纹（与 --trust 同用）")
    p.add_argument("--since", metavar="DATE", help="自该日起签署的文件一律拒收（与 --retire 同用）")
    p.add_argument(
        "--replace",
        action="store_true",
        help="确认是同一台电脑改了单位或名称：登记新密钥并停用其原密钥（与 --trust 同用）",
    )
    p.add_argument(
        "--passphrase", action="store_true", help="为新生成的本机密钥设置口令（在终端中输入）"
    )
    p.set_defaults(handler=cmd_keys)


def cmd_keys(args: argparse.Namespace) -> int:
    if args.card and not args.output:
        raise CommandError("请用 -o 指定登记卡 PDF 的保存位置")
    if args.trust and not args.fingerprint:
        raise CommandError("请用 --fingerprint 给出登记卡上的指纹（核对后再登记）")
    from models.errors import StoreError

    with open_store(args) as store:
        try:
            if args.trust:
                return _trust(store, args.trust, args.fingerprint, replace=args.replace)
            if args.retire:
                return _retire(store, args.retire, args.since)
            own = _own_key(store, new_passphrase=args.passphrase)
            if args.card:
                return _card(store, own, args.output)
            return _show(store, own)
        except StoreError as exc:
            raise CommandError(key_error_text(exc)) from None


def key_error_text(exc: StoreError) -> str:
    template = KEY_ERRORS_ZH.get(exc.code)
    return template.format(detail=exc.detail) if template else exc.message_zh


def load_signer(store: Store) -> InstallationKey:
    """This PC's private key for an export, asking for its passphrase when it has one."""
    from models.errors import StoreError

    try:
        try:
            return store.signer(os.environ.get(PASSPHRASE_ENV) or None)
        except StoreError as exc:
            if exc.code not in ("key_locked", "wrong_passphrase") or not sys.stdin.isatty():
                raise
            return store.signer(getpass.getpass("请输入本机签名密钥的口令："))
    except StoreError as exc:
        raise CommandError(key_error_text(exc)) from None


def _own_key(store: Store, *, new_passphrase: bool) -> KeyRecord:
    passphrase = os.environ.get(PASSPHRASE_ENV) or None
    if new_passphrase and passphrase is None:
        first = getpass.getpass("为本机签名密钥设置口令：")
        if first != getpass.getpass("再输入一次："):
            raise CommandError("两次输入的口令不一致，未作改动。")
        passphrase = first or None
    return store.own_key(passphrase)


def _label(key: KeyRecord) -> str:
    unit = "协调办公室" if key.is_coordinating_office else (key.unit_name or "未设置单位")
    return f"{unit}（{key.installation_name}）"


def _show(store: Store, own: KeyRecord) -> int:
    inst = store.installation()
    unit = "协调办公室" if inst.is_coordinating_office else (inst.unit_name or "未设置单位")
    say(f"本机：{inst.name}（{unit}）")
    say(f"本机密钥编号：{own.key_id}")
    say(f"本机密钥指纹：{own.fingerprint}")
    say(f"私钥文件：{store.key_folder() / (inst.id + '.pem')}")
    others = [k for k in store.keys() if not k.is_own]
    say("已登记的其他安装的密钥：" if others else "已登记的其他安装的密钥：（尚无）")
    for key in others:
        line = f"  [{STATUS_ZH[key.status]}] {_label(key)} 编号 {key.key_id} 指纹 {key.fingerprint}"
        if key.confirmed_at:
            line += f" 确认于 {key.confirmed_at[:10]}"
        if key.retired_at:
            line += f" 停用于 {key.retired_at[:10]}"
        if key.replaced_by:
            line += f"（由 {key.replaced_by} 替换）"
        say(line)
    return EXIT_OK


def _card(store: Store, own: KeyRecord, output: Path) -> int:
    from sheets.registration_card import registration_card

    card = store.registration_card()
    try:
        registration_card(card, output)
    except OSError as exc:
        raise CommandError(f"无法写入登记卡：{output}（{exc.strerror}）") from None
    say(f"已生成登记卡：{output}")
    say(f"本机密钥指纹：{own.fingerprint}")
    say("请经办人签字、加盖单位公章后交协调办公室备案。")
    return EXIT_OK


def _trust(store: Store, path: Path, fingerprint: str, *, replace: bool = False) -> int:
    from cli.exchange_words import FILE_REJECTIONS_ZH, who
    from exchange.errors import RejectedFile
    from exchange.reader import read_exchange_file

    try:
        read = read_exchange_file(path)
    except RejectedFile as exc:
        reason = FILE_REJECTIONS_ZH.get(str(exc.code), str(exc.code))
        raise CommandError(f"无法登记：{reason}。") from None
    bundle = read.bundle
    sender = bundle.manifest.sender
    label, _unit = who(sender.unit_name, sender.is_coordinating_office, sender.name)
    if bundle.signature is None:
        raise CommandError(f"{label}的文件没有签名（旧版 Duban），无法登记密钥。")
    outcome = store.trust_key(
        sender,
        bundle.signature.public_key,
        fingerprint,
        replace_installation=replace,
        file_name=path.name,
    )
    key = outcome.key
    if outcome.already_confirmed:
        say(f"{label}的密钥此前已登记（编号 {key.key_id}），无需重复登记。")
        return EXIT_OK
    say(f"已登记：{label}的密钥，编号 {key.key_id}，指纹 {key.fingerprint}。")
    for old in outcome.replaced:
        say(f"  该安装原来的密钥 {old.key_id} 已同时停用（此后它签署的文件将被拒收）。")
    if sender.is_coordinating_office and not store.installation().is_coordinating_office:
        say("本机已锁定协调办公室的密钥：此后只接受该密钥签名的方案更新。")
    say("现在可以导入该安装导出的文件。")
    return EXIT_OK


def _retire(store: Store, key_ref: str, since: str | None) -> int:
    key = store.retire_key(key_ref, since=since)
    if key.is_own:
        say(f"本机密钥 {key.key_id} 已停用（{key.retired_at} 起）。")
        say("下次导出时将生成新密钥：请用 keys --card 打印新的登记卡，签字盖章后交协调办公室。")
    else:
        say(f"已停用 {_label(key)}的密钥 {key.key_id}：{key.retired_at} 之后签署的文件将被拒收。")
        say("该安装如启用新密钥，须核对新的登记卡后用 keys --trust 重新登记。")
    return EXIT_OK
