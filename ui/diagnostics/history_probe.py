"""Window layer: the long-history probe ``bench/history_bench.py`` runs in a child process.

``python -m ui.diagnostics.history_probe DB REPS`` opens the real main window offscreen on
``DB``, then selects a task with a short history and the task with a long one, ``REPS``
times each, timing each selection until the detail pane is filled and repainted; prints
the samples, the rows shown, the pane's note and this process's own peak memory as JSON.
Never imported by the application.
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
import time
from pathlib import Path


def run(db: Path, reps: int, short_task: int, long_task: int) -> dict[str, object]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from models.store import Store
    from ui.diagnostics.startup_probe import peak_rss_mb
    from ui.main_window import MainWindow

    app = QApplication([])
    with tempfile.TemporaryDirectory(prefix="duban-history-probe-") as tmp:
        settings = QSettings(str(Path(tmp) / "settings.ini"), QSettings.Format.IniFormat)
        store = Store.open(db)
        window = MainWindow(settings)
        window.resize(1280, 800)
        window.set_store(store)
        window.show()
        app.processEvents()

        def select(number: int) -> float:
            started = time.perf_counter()
            assert window.select_task_number(number)
            window.detail.repaint()
            app.processEvents()
            return time.perf_counter() - started

        short: list[float] = []
        long: list[float] = []
        for _ in range(reps):
            short.append(select(short_task))
            long.append(select(long_task))
        result: dict[str, object] = {
            "short": short,
            "long": long,
            "rows": window.detail.history_model.rowCount(),
            "note": window.detail.history_note.text(),
            "peak_mb": peak_rss_mb(),
        }
        window.close()
        store.close()
    return result


def main(argv: list[str]) -> int:
    db, reps, short_task, long_task = Path(argv[0]), int(argv[1]), int(argv[2]), int(argv[3])
    print(json.dumps(run(db, reps, short_task, long_task), ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
