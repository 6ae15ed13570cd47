"""Self-test layer: a quick end-to-end check of an installed (or frozen) Duban.

``python main.py selftest`` and ``duban-cli selftest`` run these steps on temporary files
only: a database in a folder whose name has Chinese characters and a space, the embedded
plan, a progress report, a PDF sheet, a signed exchange file between two temporary
installations, and the window opened offscreen in a child process.

Layer rule: standard library and the core packages (models, sheets, exchange, runtime);
never Qt. The window check lives in ``ui/diagnostics/selftest_window.py`` and runs in a
child process, so a missing Qt platform library is reported as a skipped step instead of
aborting.
"""

from selftest.runner import StepResult, StepStatus, run_selftest

__all__ = ["StepResult", "StepStatus", "run_selftest"]
