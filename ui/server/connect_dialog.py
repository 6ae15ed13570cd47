"""Window layer: 工具 → 连接到服务器… (host, port, database, user, test connection).

Returns where the data should live: a ``ServerAddress`` (with the password typed, kept in
memory only), or the per-user file when the clerk goes back to this PC's own data. The
password field may stay empty: libpq then reads ``PGPASSWORD`` or the pgpass file.
"""

from __future__ import annotations

from PySide6.QtCore import Slot
from PySide6.QtWidgets import (
    QComboBox,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from models.locations import DEFAULT_PORT, DatabaseLocation, ServerAddress
from runtime.paths import default_database_path
from ui.common.dialog_base import CheckedDialog
from ui.common.worker import run_in_pool

#: libpq's sslmode values offered, most common first ("prefer": TLS when the server has it).
SSL_MODES = ("prefer", "require", "verify-full", "disable")


def check_server(address: ServerAddress) -> str:
    """Pool thread: the server's version, or raises StoreError with the reason."""
    from models.server import check_connection

    return check_connection(address)


class ConnectDialog(CheckedDialog):
    """连接到服务器: the form, a 测试连接 button, and 改用本机数据."""

    def __init__(
        self, current: DatabaseLocation | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("连接到服务器"))
        self._use_local = False
        self.host_edit = QLineEdit(self)
        self.host_edit.setObjectName("server_host")
        self.host_edit.setPlaceholderText(self.tr("例如 192.168.1.20 或 dubanserver"))
        self.port_spin = QSpinBox(self)
        self.port_spin.setObjectName("server_port")
        self.port_spin.setRange(1, 65535)
        self.port_spin.setValue(DEFAULT_PORT)
        self.database_edit = QLineEdit("duban", self)
        self.database_edit.setObjectName("server_database")
        self.user_edit = QLineEdit(self)
        self.user_edit.setObjectName("server_user")
        self.password_edit = QLineEdit(self)
        self.password_edit.setObjectName("server_password")
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.password_edit.setPlaceholderText(self.tr("可留空：使用 PGPASSWORD 或 pgpass 文件"))
        self.ssl_combo = QComboBox(self)
        self.ssl_combo.setObjectName("server_sslmode")
        for mode, label in zip(SSL_MODES, self._ssl_labels(), strict=True):
            self.ssl_combo.addItem(label, mode)

        form = QFormLayout()
        form.addRow(self.tr("服务器地址："), self.host_edit)
        form.addRow(self.tr("端口："), self.port_spin)
        form.addRow(self.tr("数据库名："), self.database_edit)
        form.addRow(self.tr("用户名："), self.user_edit)
        form.addRow(self.tr("密码："), self.password_edit)
        form.addRow(self.tr("加密连接："), self.ssl_combo)
        note = QLabel(
            self.tr(
                "密码只在本次运行中使用，不会保存。服务器上的数据由办公室各台电脑共用，"
                "其他电脑录入的内容会自动显示。"
            ),
            self,
        )
        note.setWordWrap(True)
        self.result_label = QLabel(self)
        self.result_label.setObjectName("test_result")
        self.result_label.setWordWrap(True)
        self.error_label = QLabel(self)
        self.error_label.setStyleSheet("color: #b00020;")
        self.error_label.setWordWrap(True)
        self.error_label.hide()

        self.test_button = QPushButton(self.tr("测试连接(&T)"), self)
        self.test_button.setObjectName("test_connection")
        self.test_button.clicked.connect(self.test_connection)
        buttons = QDialogButtonBox(self)
        self.connect_button = buttons.addButton(
            self.tr("连接(&C)"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        buttons.addButton(self.test_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.local_button = buttons.addButton(
            self.tr("改用本机数据(&L)"), QDialogButtonBox.ButtonRole.ResetRole
        )
        self.local_button.setObjectName("use_local")
        self.local_button.clicked.connect(self._choose_local)
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(self.result_label)
        layout.addWidget(self.error_label)
        layout.addWidget(buttons)
        self.setMinimumWidth(460)
        if isinstance(current, ServerAddress):
            self.set_data(current)

    def _ssl_labels(self) -> tuple[str, ...]:
        return (
            self.tr("有则加密（prefer）"),
            self.tr("必须加密（require）"),
            self.tr("加密并核对服务器证书（verify-full）"),
            self.tr("不加密（disable）"),
        )

    def set_data(self, address: ServerAddress) -> None:
        self.host_edit.setText(address.host)
        self.port_spin.setValue(address.port or DEFAULT_PORT)
        self.database_edit.setText(address.database)
        self.user_edit.setText(address.user or "")
        self.password_edit.setText(address.password or "")
        mode = dict(address.options).get("sslmode", "prefer")
        index = self.ssl_combo.findData(mode)
        self.ssl_combo.setCurrentIndex(max(index, 0))

    def address(self) -> ServerAddress:
        mode = str(self.ssl_combo.currentData())
        return ServerAddress(
            host=self.host_edit.text().strip(),
            database=self.database_edit.text().strip(),
            user=self.user_edit.text().strip() or None,
            port=self.port_spin.value(),
            options=(("sslmode", mode),) if mode != "prefer" else (),
            password=self.password_edit.text() or None,
        )

    def data(self) -> DatabaseLocation:
        return default_database_path() if self._use_local else self.address()

    def validate(self) -> str | None:
        if self._use_local:
            return None
        if not self.host_edit.text().strip():
            return self.tr("请填写服务器地址。")
        if not self.database_edit.text().strip() or "/" in self.database_edit.text():
            return self.tr("请填写数据库名。")
        return None

    @Slot()
    def test_connection(self) -> None:
        problem = self.validate()
        if problem:
            self.error_label.setText(problem)
            self.error_label.show()
            return
        self.error_label.hide()
        self.test_button.setEnabled(False)
        self.result_label.setStyleSheet("")
        self.result_label.setText(self.tr("正在连接…"))
        run_in_pool(self._on_tested, self._on_test_failed, check_server, self.address())

    @Slot(object)
    def _on_tested(self, version: str) -> None:
        self.test_button.setEnabled(True)
        self.result_label.setStyleSheet("color: #1a6e1a;")
        self.result_label.setText(
            self.tr("连接成功：PostgreSQL {version}。").format(version=version)
        )

    @Slot(object)
    def _on_test_failed(self, error: Exception) -> None:
        from models.errors import StoreError
        from ui.common import words

        self.test_button.setEnabled(True)
        self.result_label.setStyleSheet("color: #b00020;")
        if isinstance(error, StoreError):
            self.result_label.setText(words.store_error_text(error.code, error.detail))
        else:
            self.result_label.setText(self.tr("连接失败：{reason}").format(reason=error))

    @Slot()
    def _choose_local(self) -> None:
        self._use_local = True
        self.accept()
