"""Fixtures for running tests on both engines: a SQLite file and a real PostgreSQL server.

- ``pg_cluster`` (session): the throwaway server of ``tests.pg_cluster``, started on first
  use, stopped at the end of the session (and at exit, whatever happened).
- ``pg_url``: a fresh seeded database on it (dropped after the test).
- ``db_location`` (parametrised ``sqlite`` / ``postgresql``): where a test's data lives;
  ``any_store``: a ``Store`` opened there. Tests of the Store, merge, supervision and the
  command line use these; purely file-level tests keep ``db_path``.

Without PostgreSQL installed the ``postgresql`` cases are skipped with the reason on a
developer's machine, and fail in CI (``CI`` set): CI must test both engines.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from models.locations import DatabaseLocation, parse_location
from tests.pg_cluster import Cluster, ClusterUnavailable

ENGINES = [
    pytest.param("sqlite", id="sqlite"),
    pytest.param("postgresql", id="postgresql", marks=pytest.mark.postgresql),
]


def _in_ci() -> bool:
    return os.environ.get("CI", "").lower() not in ("", "0", "false", "no")


@pytest.fixture(scope="session")
def pg_cluster() -> Iterator[Cluster]:
    try:
        cluster = Cluster().start()
    except ClusterUnavailable as exc:
        if _in_ci():
            pytest.fail(f"PostgreSQL is needed in CI and could not be started: {exc}")
        pytest.skip(f"PostgreSQL not available here: {exc}")
    try:
        yield cluster
    finally:
        cluster.stop()


@pytest.fixture
def pg_url(pg_cluster: Cluster) -> Iterator[str]:
    url = pg_cluster.new_database()
    try:
        yield url
    finally:
        pg_cluster.drop_database(url)


@pytest.fixture
def pg_empty_url(pg_cluster: Cluster) -> Iterator[str]:
    """A database with no tables at all (what IT hands over before the first start)."""
    url = pg_cluster.new_database(seeded=False)
    try:
        yield url
    finally:
        pg_cluster.drop_database(url)


@pytest.fixture(params=ENGINES)
def engine_name(request: pytest.FixtureRequest) -> str:
    return str(request.param)


@pytest.fixture
def db_location(
    engine_name: str, tmp_path: Path, request: pytest.FixtureRequest
) -> DatabaseLocation:
    if engine_name == "sqlite":
        return tmp_path / "duban.sqlite"
    return parse_location(request.getfixturevalue("pg_url"))


@pytest.fixture
def db_arg(db_location: DatabaseLocation) -> str:
    """The ``--db`` argument a clerk would type for ``db_location``."""
    return str(db_location)


@pytest.fixture
def any_store(db_location: DatabaseLocation) -> Iterator[object]:
    from models.store import Store

    with Store.open(db_location) as opened:
        yield opened


@pytest.fixture
def office_engine(engine_name: str, request: pytest.FixtureRequest) -> Iterator[str]:
    """Multi-office tests (tests.exchange.offices): units' PCs keep SQLite files; the
    coordinating office's data is on the server when ``engine_name`` is postgresql."""
    from tests.exchange import offices

    if engine_name == "sqlite":
        yield engine_name
        return
    cluster: Cluster = request.getfixturevalue("pg_cluster")
    made: list[str] = []

    def new_database() -> DatabaseLocation:
        made.append(cluster.new_database())
        return parse_location(made[-1])

    offices.coordinating_office_database = new_database
    try:
        yield engine_name
    finally:
        offices.coordinating_office_database = None
        for url in made:
            cluster.drop_database(url)
