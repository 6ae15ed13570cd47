"""Window layer: the About box (version, what Duban is built on and under which licences)."""

from __future__ import annotations

import html

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import QCoreApplication, qVersion
from PySide6.QtWidgets import QMessageBox, QWidget

from runtime.version import __version__


def about_html() -> str:
    rows = [
        ("Qt / Qt for Python (PySide6)", "LGPL-3.0"),
        ("SQLAlchemy, Alembic", "MIT"),
        ("ReportLab", "BSD"),
        (QCoreApplication.translate("About", "文泉驿微米黑（界面字体）"), "Apache-2.0"),
        (QCoreApplication.translate("About", "Noto Serif CJK SC（公文字体）"), "OFL-1.1"),
        (
            QCoreApplication.translate("About", "花园明朝 HanaMinA（生僻字字体）"),
            "Hanazono Font License",
        ),
    ]
    licence_rows = "".join(
        f"<tr><td>{html.escape(name)}</td><td>{html.escape(lic)}</td></tr>" for name, lic in rows
    )
    title = QCoreApplication.translate("About", "督办")
    summary = QCoreApplication.translate("About", "重点任务分工方案进展督办工具，离线运行。")
    components = QCoreApplication.translate("About", "本软件使用的第三方组件及其许可证：")
    fonts = QCoreApplication.translate("About", "字体许可证全文见安装目录下的 resources/fonts/。")
    return (
        f"<h3>{html.escape(title)} {html.escape(__version__)}</h3>"
        f"<p>{html.escape(summary)}</p>"
        f"<p>Qt {html.escape(qVersion())} · PySide6 {html.escape(pyside_version)}</p>"
        f"<p>{html.escape(components)}</p>"
        f"<table cellspacing='4'>{licence_rows}</table>"
        f"<p>{html.escape(fonts)}</p>"
    )


def show_about(parent: QWidget | None) -> None:
    QMessageBox.about(parent, QCoreApplication.translate("About", "关于督办"), about_html())
