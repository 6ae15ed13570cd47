"""The self-test: passes on a working installation, names the step that broke otherwise."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

import selftest.steps
import selftest.window
from cli.app import run
from selftest import StepStatus, run_selftest
from selftest.steps import StepFailed, StepSkipped

STEPS = ("目录", "建库", "方案", "填报", "打印", "文档", "导出", "导入", "连接", "窗口")


def test_main_selftest_passes_and_lists_every_step(cli) -> None:  # type: ignore[no-untyped-def]
    result = cli("selftest", "--require-window")
    assert result.code == 0, result.out + result.err
    lines = result.out.splitlines()
    assert lines[0].startswith("Duban ") and lines[0].endswith("自检")
    for name in STEPS:
        assert any(line.startswith(f"✓ {name}：") for line in lines), (name, result.out)
    assert "60 项任务" in result.out and "字体已嵌入" in result.out and "已签名" in result.out
    assert "offscreen 平台" in result.out
    assert lines[-1].startswith(f"自检通过：{len(STEPS)} 项通过")
    folder = Path(lines[1].split("：", 1)[1])
    assert "自检" in folder.name and " " in folder.name
    assert not folder.exists()  # cleaned up after a pass


def test_a_broken_step_is_named_and_exits_1(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(selftest.steps, "EXPECTED_PLAN", (6, 26, 61))
    data_dir = os.environ["DUBAN_DATA_DIR"]
    assert run(["selftest", "--no-window"]) == 1
    out = capsys.readouterr().out
    assert "✓ 建库：" in out and "✗ 方案：" in out and "实为 (6, 26, 60)" in out
    assert "自检失败：「方案」一步未通过。" in out
    assert "✓ 填报" not in out  # stops at the first failure
    kept = Path(out.split("临时文件保留在：", 1)[1].strip())
    assert (kept / "本机 数据.sqlite").is_file()  # kept for a look
    assert os.environ["DUBAN_DATA_DIR"] == data_dir  # the clerk's folder setting is restored
    import shutil

    shutil.rmtree(kept)


def test_an_unexpected_error_is_reported_as_the_step_failing(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def broken(*_args: object, **_kwargs: object) -> None:
        raise OSError("磁盘已满")

    monkeypatch.setattr("sheets.unit_sheet", broken)
    results = list(run_selftest(window=False))
    assert [r.status for r in results][-1] is StepStatus.FAILED
    failed = results[-1]
    assert failed.name == "打印" and "OSError" in failed.detail and "磁盘已满" in failed.detail
    assert failed.kept_folder is not None
    import shutil

    shutil.rmtree(failed.kept_folder)


@pytest.mark.parametrize(
    ("code", "required", "expected"),
    [
        ("import os; os.abort()", False, StepSkipped),  # Qt's qFatal: no platform plugin
        ("import sys; print('无法加载 Qt'); sys.exit(4)", False, StepSkipped),
        ("import os; os.abort()", True, StepFailed),  # the bundle's own check in CI
        ("import sys; print('主窗口没有显示任何任务'); sys.exit(1)", False, StepFailed),
    ],
)
def test_window_step_skips_without_qt_unless_required(
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    code: str,
    required: bool,
    expected: type[Exception],
) -> None:
    monkeypatch.setattr(selftest.window, "child_command", lambda *_a: [sys.executable, "-c", code])
    with pytest.raises(expected) as caught:
        selftest.window.check_window_in_child(tmp_path / "x.sqlite", tmp_path, required=required)
    if "print" in code:
        assert code.split("'")[1] in str(caught.value)


def test_no_window_option_leaves_the_window_out() -> None:
    names = [r.name for r in run_selftest(window=False)]
    assert names == list(STEPS[:-1])
