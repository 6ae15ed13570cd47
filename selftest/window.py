"""Self-test layer: open the window offscreen in a child process and read its verdict.

Qt ends the whole process (qFatal → abort) when a platform plugin or a system library it
needs cannot be loaded; running the check in a child turns that into a skipped step with
a note instead of a crashed self-test. The child is this same program (``main.py`` from
source, the executable itself when frozen) with ``selftest --window-check``.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from runtime.resources import app_root
from selftest.steps import StepFailed, StepSkipped

#: Exit codes of the child: passed, the check found a fault, Qt cannot be imported here.
CHILD_OK, CHILD_FAILED, CHILD_NO_QT = 0, 1, 4
CHILD_TIMEOUT_S = 120


def child_command(db_path: Path, folder: Path) -> list[str]:
    if getattr(sys, "frozen", False):
        program = [sys.executable]
    else:
        program = [sys.executable, str(app_root() / "main.py")]
    return [*program, "selftest", "--window-check", str(db_path), "--folder", str(folder)]


def check_window_in_child(db_path: Path, folder: Path, *, required: bool) -> str:
    """The child's one-line report; raises StepFailed, or StepSkipped when Qt cannot start
    here (a failure too when ``required``: the bundle's own check in CI)."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONIOENCODING="utf-8")
    try:
        proc = subprocess.run(
            child_command(db_path, folder),
            capture_output=True,
            env=env,
            timeout=CHILD_TIMEOUT_S,
            stdin=subprocess.DEVNULL,
        )
    except subprocess.TimeoutExpired:
        raise StepFailed(f"窗口在 {CHILD_TIMEOUT_S} 秒内未能打开") from None
    out = _last_line(proc.stdout)
    if proc.returncode == CHILD_OK:
        return out or "主窗口已打开"
    if proc.returncode == CHILD_FAILED:
        raise StepFailed(out or _last_line(proc.stderr) or "窗口检查未通过")
    note = out or _last_line(proc.stderr) or f"退出码 {proc.returncode}"
    message = f"Qt 无法在本机启动（{note}）"
    if required:
        raise StepFailed(message)
    raise StepSkipped(f"{message}；命令行功能不受影响，界面所需系统库见 README")


def _last_line(data: bytes) -> str:
    lines = [ln.strip() for ln in data.decode("utf-8", errors="replace").splitlines()]
    lines = [ln for ln in lines if ln]
    return lines[-1][:300] if lines else ""
