"""A throwaway PostgreSQL cluster for the tests and benchmarks: real server, temporary folder.

``initdb`` and ``pg_ctl`` from the distribution's packages (``/usr/lib/postgresql/*/bin``,
or on PATH) make a cluster in a new temporary folder, listening on 127.0.0.1 at a free
port with trust authentication for the role ``duban`` and scram-sha-256 for ``clerk``;
fsync is off (the data is thrown away). PostgreSQL refuses to run as root, so as root the
server runs as the ``postgres`` user (``runuser``); the folder is given to that user.
``stop()`` ends it with ``pg_ctl stop -m immediate`` and deletes the folder; it is
registered with ``atexit`` too, and a detached watcher stops it when the test process is
gone (killed by a timeout, say), so no run leaves a server behind.

Each test gets its own database, cloned (``CREATE DATABASE … TEMPLATE``) from one that the
real migrations built and ``Store.open`` seeded once (the installation row removed, so every
clone makes its own, as a new desk would); it is dropped after the test.
"""

from __future__ import annotations

import atexit
import contextlib
import glob
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
import uuid
from pathlib import Path

ROLE = "duban"
#: A role that must log in with a password (scram-sha-256), as an office's clerks do.
PASSWORD_ROLE = "clerk"
SEEDED_TEMPLATE = "duban_seeded"
EMPTY_TEMPLATE = "template0"
SERVER_USER = "postgres"
START_TIMEOUT_S = 60


class ClusterUnavailable(RuntimeError):
    """PostgreSQL's programs are missing or the server would not start; says which."""


def find_bindir() -> Path:
    """The newest installed PostgreSQL's programs (Debian keeps them off PATH)."""
    found = sorted(
        glob.glob("/usr/lib/postgresql/*/bin/initdb"),
        key=lambda p: int(Path(p).parent.parent.name.split(".")[0]),
    )
    if found:
        return Path(found[-1]).parent
    on_path = shutil.which("initdb")
    if on_path:
        return Path(on_path).parent
    raise ClusterUnavailable(
        "initdb not found: install PostgreSQL (Debian: apt-get install postgresql, "
        "or bash scripts/install-system-deps.sh)"
    )


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class Cluster:
    """One running throwaway server (see the module docstring)."""

    def __init__(self) -> None:
        self.bindir = find_bindir()
        self.root = Path(tempfile.mkdtemp(prefix="duban-pg-"))
        self.data = self.root / "data"
        self.log = self.root / "server.log"
        self.port = 0
        self._as_user: list[str] = []
        self._running = False
        self._templates: set[str] = set()
        if os.geteuid() == 0:
            self._as_user = self._runner()
            entry = pwd.getpwnam(SERVER_USER)
            os.chown(self.root, entry.pw_uid, entry.pw_gid)
        atexit.register(self.stop)

    @staticmethod
    def _runner() -> list[str]:
        try:
            pwd.getpwnam(SERVER_USER)
        except KeyError:
            raise ClusterUnavailable(
                f"running as root and there is no '{SERVER_USER}' user to run PostgreSQL as"
            ) from None
        runuser = shutil.which("runuser")
        if runuser:
            return [runuser, "-u", SERVER_USER, "--"]
        return ["su", SERVER_USER, "-s", "/bin/sh", "-c", '"$0" "$@"']

    def _run(self, *args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [*self._as_user, *args],
            capture_output=True,
            text=True,
            timeout=START_TIMEOUT_S,
            cwd=self.root,
        )

    def start(self) -> Cluster:
        made = self._run(
            str(self.bindir / "initdb"),
            f"--pgdata={self.data}",
            f"--username={ROLE}",
            "--auth=trust",
            "--encoding=UTF8",
            "--locale=C",
            "--no-sync",
            "--no-instructions",
        )
        if made.returncode != 0:
            raise ClusterUnavailable(f"initdb failed: {made.stderr.strip() or made.stdout}")
        hba = self.data / "pg_hba.conf"
        hba.write_text(
            f"host all {PASSWORD_ROLE} 127.0.0.1/32 scram-sha-256\n" + hba.read_text(),
            encoding="utf-8",
        )
        last_error = ""
        for _attempt in range(3):  # a free port can be taken between probe and start
            self.port = free_port()
            options = (
                f"-c listen_addresses=127.0.0.1 -c port={self.port} "
                f"-c unix_socket_directories={self.root} -c fsync=off "
                "-c synchronous_commit=off -c full_page_writes=off -c max_connections=200"
            )
            started = self._run(
                str(self.bindir / "pg_ctl"),
                f"--pgdata={self.data}",
                f"--log={self.log}",
                f"--options={options}",
                f"--timeout={START_TIMEOUT_S}",
                "--wait",
                "start",
            )
            if started.returncode == 0:
                self._running = True
                self._watch_parent()
                return self
            last_error = self._log_tail() or started.stderr
        raise ClusterUnavailable(f"pg_ctl start failed: {last_error.strip()}")

    def _watch_parent(self) -> None:
        """A killed test run (SIGTERM from a timeout, SIGKILL) runs no atexit: a detached
        shell stops the server and removes the folder once this process is gone."""
        pg_ctl = self.bindir / "pg_ctl"
        script = (
            f"while [ -d /proc/{os.getpid()} ]; do sleep 2; done; "
            f'"{pg_ctl}" --pgdata="{self.data}" -m immediate stop >/dev/null 2>&1; '
            f'rm -rf "{self.root}"'
        )
        subprocess.Popen(
            [*self._as_user, "sh", "-c", script],
            cwd="/",
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
        )

    def _log_tail(self) -> str:
        try:
            return "\n".join(self.log.read_text(errors="replace").splitlines()[-5:])
        except OSError:
            return ""

    def stop(self) -> None:
        if self._running:
            self._run(
                str(self.bindir / "pg_ctl"), f"--pgdata={self.data}", "-m", "immediate", "stop"
            )
            self._running = False
        shutil.rmtree(self.root, ignore_errors=True)

    # -- databases ----------------------------------------------------------------------
    def url(self, database: str) -> str:
        return f"postgresql://{ROLE}@127.0.0.1:{self.port}/{database}"

    def execute(self, statement: str, database: str = "postgres") -> None:
        import psycopg

        with psycopg.connect(self.url(database), autocommit=True) as conn:
            conn.execute(statement)  # type: ignore[arg-type]

    def new_database(self, *, seeded: bool = True) -> str:
        """A fresh database's URL: a clone of the seeded template, or empty."""
        template = self._seeded_template() if seeded else EMPTY_TEMPLATE
        name = f"t_{uuid.uuid4().hex[:16]}"
        self.execute(f'CREATE DATABASE "{name}" TEMPLATE "{template}"')
        return self.url(name)

    def drop_database(self, url: str) -> None:
        name = url.rsplit("/", 1)[1].split("?")[0]
        with contextlib.suppress(Exception):
            self.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

    def _seeded_template(self) -> str:
        if SEEDED_TEMPLATE in self._templates:
            return SEEDED_TEMPLATE
        from models.store import Store

        self.execute(f'CREATE DATABASE "{SEEDED_TEMPLATE}" TEMPLATE "{EMPTY_TEMPLATE}"')
        Store.open(self.url(SEEDED_TEMPLATE)).close()
        self.execute("DELETE FROM installation", SEEDED_TEMPLATE)
        self._templates.add(SEEDED_TEMPLATE)
        return SEEDED_TEMPLATE
