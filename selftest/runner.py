"""Self-test layer: run the steps in order on temporary files, reporting each as it ends.

Everything happens in a fresh temporary folder whose name has Chinese characters and a
space (the paths office PCs really have), and the per-user data folder is pointed there
for the duration (signing keys are made on first export), so the clerk's own database,
keys and window settings are never touched.
"""

from __future__ import annotations

import os
import shutil
import tempfile
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from selftest import steps
from selftest.steps import Context, StepFailed, StepSkipped

#: Name of the temporary folder: Chinese and a space, as in 'C:\Users\张 三\…'.
FOLDER_PREFIX = "督办 自检-"


class StepStatus(StrEnum):
    PASSED = "passed"
    SKIPPED = "skipped"
    FAILED = "failed"


@dataclass(frozen=True, slots=True)
class StepResult:
    """One step's outcome: its (Chinese) name, what it checked or why it stopped."""

    name: str
    status: StepStatus
    detail: str
    seconds: float
    #: Set on a failure: the temporary folder kept for a look at what went wrong.
    kept_folder: Path | None = None


Step = tuple[str, Callable[[Context], str]]


def all_steps(*, window: bool, require_window: bool) -> list[Step]:
    chosen: list[Step] = [
        ("建库", steps.make_database),
        ("方案", steps.check_plan),
        ("填报", steps.record_progress),
        ("打印", steps.render_sheet),
        ("文档", steps.read_documents),
        ("导出", steps.export_exchange),
        ("导入", steps.import_exchange),
        ("连接", steps.check_server_driver),
    ]
    if window:
        chosen.append(("窗口", lambda ctx: steps.open_window(ctx, required=require_window)))
    return chosen


def run_selftest(
    *, window: bool = True, require_window: bool = False, keep: bool = False
) -> Iterator[StepResult]:
    """Yield each step's result as it finishes; stop at the first failure.

    The temporary folder is removed at the end, unless ``keep`` or a step failed (then the
    failing result names it).
    """
    folder = Path(tempfile.mkdtemp(prefix=FOLDER_PREFIX))
    ctx = Context(folder)
    saved_data_dir = os.environ.get("DUBAN_DATA_DIR")
    os.environ["DUBAN_DATA_DIR"] = str(folder / "用户 数据")
    failed = False
    try:
        yield StepResult("目录", StepStatus.PASSED, str(folder), 0.0)
        for name, run in all_steps(window=window, require_window=require_window):
            started = time.perf_counter()
            try:
                detail = run(ctx)
            except StepSkipped as exc:
                yield StepResult(name, StepStatus.SKIPPED, str(exc), _since(started))
                continue
            except Exception as exc:  # any failure is the step's: report it, keep the files
                failed = True
                ctx.close()
                reason = str(exc) if isinstance(exc, StepFailed) else _describe(exc)
                yield StepResult(name, StepStatus.FAILED, reason, _since(started), folder)
                return
            yield StepResult(name, StepStatus.PASSED, detail, _since(started))
    finally:
        ctx.close()
        if saved_data_dir is None:
            os.environ.pop("DUBAN_DATA_DIR", None)
        else:
            os.environ["DUBAN_DATA_DIR"] = saved_data_dir
        if not (keep or failed):
            shutil.rmtree(folder, ignore_errors=True)


def _since(started: float) -> float:
    return time.perf_counter() - started


def _describe(exc: Exception) -> str:
    message = getattr(exc, "message_zh", None) or str(exc)
    return f"{type(exc).__name__}：{message}"
