"""PDF sheets layer: 签名密钥登记卡, the registration card of one installation's signing key.

The coordinating office checks the fingerprint a file shows against this card (or reads it
out on the phone) before it merges anything signed by the key, so the fingerprint is set
large, in two rows of four groups, and the card carries the clerk's signature (经办人) and
the unit's seal (单位盖章) that make it an office document.
"""

from __future__ import annotations

from reportlab.lib.colors import black, white
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Spacer

from domain.key_records import RegistrationCard
from sheets import document, fonts
from sheets.document import SheetOptions, Target
from sheets.tables import HEADER_FILL, heading, proportional, sheet_table, signature_boxes
from sheets.typography import SIHAO, WUHAO, Styles, style

TITLE = "交换文件签名密钥登记卡"
#: Label | value.
FACT_COLUMNS = (30, 126)
#: Large enough to compare group by group at arm's length; still fits 4 groups a line.
FINGERPRINT_SIZE = 24.0
SEAL_BOX_HEIGHT = 45 * mm  # a 42 mm official seal fits inside
NOTES = (
    "一、协调办公室收到本机导出的第一个交换文件时，Duban 会显示文件的密钥指纹。"
    "经办人须将其与本卡逐组核对（或电话核对），完全一致后方可登记，登记后才能导入。",
    "二、指纹不一致的文件一律不得登记、导入，请立即与报送单位联系。",
    "三、电脑丢失、重装或改为其他单位使用时，原密钥须停用，并重新打印本卡报协调办公室。",
    "四、本卡只含公开的密钥指纹，不含私钥；私钥只保存在本机，不随交换文件导出。",
)


def registration_card(
    card: RegistrationCard, target: Target, *, options: SheetOptions | None = None
) -> None:
    """Write the registration card of ``card``'s key (one A4 page, portrait)."""
    options = options or SheetOptions(generated_on=card.issued_on)
    styles = Styles(WUHAO)
    width = document.frame_width(False)
    story: list[Flowable] = [
        styles.para(TITLE, styles.title),
        styles.para("Duban 督办 · 报协调办公室备案", styles.subtitle),
        Spacer(1, 2 * mm),
        _facts(card, styles, width),
        Spacer(1, 5 * mm),
        *heading(styles, "密钥指纹"),
        _fingerprint(card, styles, width),
        Spacer(1, 4 * mm),
        *[styles.para(line, styles.cell) for line in NOTES],
        Spacer(1, 6 * mm),
        KeepTogether(
            [
                signature_boxes(
                    ("经办人（签字）", "单位盖章", "日期"), width, styles.cell, SEAL_BOX_HEIGHT
                )
            ]  # fmt: skip
        ),
    ]
    document.build(
        target,
        story,
        title=f"{TITLE}（{card.unit_label}）",
        fingerprint=card.public_key_sha256,
        options=options,
        landscape_pages=False,
    )


def _facts(card: RegistrationCard, styles: Styles, width: float) -> Flowable:
    rows = [
        ("单位", card.unit_label),
        ("本机名称", card.installation_name),
        ("安装编号", card.installation_id),
        ("密钥编号", card.key_id),
        ("打印日期", f"{card.issued_on:%Y年%m月%d日}"),
    ]
    data = [[styles.para(label, styles.header), styles.para(value)] for label, value in rows]
    return sheet_table(
        data,
        proportional(FACT_COLUMNS, width),
        header_rows=0,
        extra_style=[("BACKGROUND", (0, 0), (0, -1), HEADER_FILL)],
    )


def _fingerprint(card: RegistrationCard, styles: Styles, width: float) -> Flowable:
    """Two rows of four groups, bold, centred, in one ruled box."""
    big = style(
        "fingerprint",
        FINGERPRINT_SIZE,
        font=fonts.BOLD,
        align=TA_CENTER,
        leading=FINGERPRINT_SIZE * 1.5,
    )
    groups = card.fingerprint.split()
    lines = [" ".join(groups[:4]), " ".join(groups[4:])] if len(groups) == 8 else [card.fingerprint]
    hint = style("fingerprint_hint", SIHAO * 0.75, align=TA_CENTER)
    rows = [[styles.para(line, big)] for line in lines if line]
    rows.append([styles.para("（SHA-256，前 32 位十六进制，每 4 位一组）", hint)])
    return sheet_table(
        rows,
        [width],
        header_rows=0,
        # One box around the whole fingerprint: no rules between its rows.
        extra_style=[("GRID", (0, 0), (-1, -1), 0, white), ("BOX", (0, 0), (-1, -1), 1.2, black)],
    )
