"""End-to-end helpers: run ``main.py`` as a clerk would, in a subprocess."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

REPO_ROOT = Path(__file__).resolve().parent.parent


@dataclass
class Result:
    code: int
    out: str
    err: str

    def json(self) -> Any:
        return json.loads(self.out)


@pytest.fixture
def cli(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    env = dict(os.environ, DUBAN_DATA_DIR=str(tmp_path_factory.mktemp("cli-data")))
    env.pop("DUBAN_DEBUG", None)

    def run(*args: str) -> Result:
        proc = subprocess.run(
            [sys.executable, str(REPO_ROOT / "main.py"), *args],
            capture_output=True,
            text=True,
            encoding="utf-8",
            env=env,
            cwd=REPO_ROOT,
            timeout=120,
        )
        return Result(proc.returncode, proc.stdout, proc.stderr)

    return run
