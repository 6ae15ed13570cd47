"""The database on a real PostgreSQL server: the same schema as the file, a migration only
after confirmation (with a pg_dump copy), passwords from PGPASSWORD / pgpass, clear words
for a server that cannot be reached."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import inspect, text

from models.database import KNOWN_REVISIONS, SCHEMA_HEAD, create_engine_for, migrate_connection
from models.errors import StoreError
from models.locations import ServerAddress, parse_location
from models.server import ServerMigration, check_connection, server_backups_dir
from models.store import Store
from tests.pg_cluster import PASSWORD_ROLE, Cluster, free_port

pytestmark = pytest.mark.postgresql


def server(url: str) -> ServerAddress:
    address = parse_location(url)
    assert isinstance(address, ServerAddress)
    return address


def schema_of(location: Path | ServerAddress) -> dict[str, object]:
    """Tables with their columns (name, nullable), primary keys and index columns."""
    engine = create_engine_for(location)
    try:
        with engine.connect() as conn:
            found = inspect(conn)
            return {
                table: (
                    [(c["name"], c["nullable"]) for c in found.get_columns(table)],
                    found.get_pk_constraint(table)["constrained_columns"],
                    sorted(
                        (i["name"], tuple(i["column_names"]))
                        for i in found.get_indexes(table)
                        if not i.get("duplicates_constraint")  # a UNIQUE's own index
                    ),
                    sorted(tuple(u["column_names"]) for u in found.get_unique_constraints(table)),
                )
                for table in sorted(found.get_table_names())
            }
    finally:
        engine.dispose()


def run_sql(location: ServerAddress, *statements: str) -> None:
    engine = create_engine_for(location)
    try:
        with engine.begin() as conn:
            for statement in statements:
                conn.execute(text(statement))
    finally:
        engine.dispose()


def test_every_migration_builds_the_same_schema_on_both_engines(
    pg_empty_url: str, tmp_path: Path
) -> None:
    on_server, on_file = server(pg_empty_url), tmp_path / "d.sqlite"
    Store.open(on_server).close()
    Store.open(on_file).close()
    assert schema_of(on_server) == schema_of(on_file)
    with Store.open(on_server) as store:
        assert len(store.plans()) == 1 and store.plan_view().task_by_number(60) is not None


def test_long_wording_fits_on_the_server_as_in_a_file(pg_url: str, tmp_path: Path) -> None:
    """String(n) lengths are not enforced by SQLite; the server must accept the same."""
    from plan_parser import parse_plan_file

    plan = tmp_path / "long.txt"
    long_unit = "省" + "某" * 240 + "局"
    plan.write_text(f"一、任务\n1.推进甲工作。（{long_unit}负责）\n", encoding="utf-8")
    with Store.open(pg_url) as store:
        store.import_plan(parse_plan_file(plan))
        assert long_unit in {u.unit_name for u in store.plan_views()[1].units()}


def test_an_older_schema_is_upgraded_only_after_a_yes_with_a_dump_first(
    pg_empty_url: str,
) -> None:
    address, previous = server(pg_empty_url), KNOWN_REVISIONS[-2]
    engine = create_engine_for(address)
    try:
        with engine.begin() as conn:
            migrate_connection(conn, previous)  # what the older Duban built
    finally:
        engine.dispose()
    before = schema_of(address)
    with pytest.raises(StoreError) as info:
        Store.open(address)  # nobody to ask: the answer is no
    assert info.value.code == "server_migration_unconfirmed"
    asked: list[ServerMigration] = []

    def say_no(question: ServerMigration) -> bool:
        asked.append(question)
        return False

    with pytest.raises(StoreError):
        Store.open(address, confirm_migration=say_no)
    assert asked and asked[0].current == previous and asked[0].target == SCHEMA_HEAD
    assert "影响所有连接这台服务器的电脑" in asked[0].question_zh()
    assert schema_of(address) == before  # untouched
    with Store.open(address, confirm_migration=lambda q: True) as store:
        assert store.keys() == [] and len(store.plans()) == 1
    engine = create_engine_for(address)
    try:  # upgraded (the newest step may change column types only: schema_of omits them)
        with engine.connect() as conn:
            version = conn.exec_driver_sql("SELECT version_num FROM alembic_version").scalar()
    finally:
        engine.dispose()
    assert version == SCHEMA_HEAD
    dumps = list(server_backups_dir().glob(f"{address.database}-*-before-migration.dump"))
    assert len(dumps) == 1 and dumps[0].read_bytes()[:5] == b"PGDMP"


def test_without_pg_dump_the_question_says_the_servers_backups_must_be_current() -> None:
    question = ServerMigration("postgresql://h/d", "0003", "0004", None)
    assert "服务器自己的备份是最新的" in question.question_zh()


def test_newer_or_foreign_databases_are_refused_untouched(pg_url: str, pg_empty_url: str) -> None:
    address = server(pg_url)
    Store.open(address).close()
    run_sql(address, "UPDATE alembic_version SET version_num='9999'")
    with pytest.raises(StoreError) as info:
        Store.open(address)
    assert info.value.code == "database_too_new"
    other = server(pg_empty_url)
    run_sql(other, "CREATE TABLE accounts (id integer)")
    with pytest.raises(StoreError) as info:
        Store.open(other)
    assert info.value.code == "not_a_duban_database"
    assert schema_of(other).keys() == {"accounts"}


def test_passwords_from_pgpassword_or_pgpass_never_in_messages(
    pg_cluster: Cluster, pg_empty_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    name = server(pg_empty_url).database
    pg_cluster.execute(f"CREATE ROLE {PASSWORD_ROLE} LOGIN PASSWORD 'Geheim-7'")
    try:
        pg_cluster.execute(f'ALTER DATABASE "{name}" OWNER TO {PASSWORD_ROLE}')
        url = f"postgresql://{PASSWORD_ROLE}@127.0.0.1:{pg_cluster.port}/{name}"
        monkeypatch.delenv("PGPASSWORD", raising=False)
        monkeypatch.setenv("PGPASSFILE", str(tmp_path / "none"))
        with pytest.raises(StoreError) as info:
            Store.open(url)
        assert info.value.code == "server_auth_failed"
        with pytest.raises(StoreError) as info:
            Store.open(server(url).with_password("wrong-Pass"))
        assert info.value.code == "server_auth_failed"
        assert (
            "wrong-Pass" not in info.value.message_zh and "服务器拒绝登录" in info.value.message_zh
        )
        monkeypatch.setenv("PGPASSWORD", "Geheim-7")
        with Store.open(url) as store:
            assert len(store.plans()) == 1
        monkeypatch.delenv("PGPASSWORD")
        pgpass = tmp_path / "pgpass"
        pgpass.write_text(f"127.0.0.1:{pg_cluster.port}:{name}:{PASSWORD_ROLE}:Geheim-7\n")
        pgpass.chmod(0o600)
        monkeypatch.setenv("PGPASSFILE", str(pgpass))
        assert check_connection(server(url)).startswith(("15", "16", "17", "14", "13"))
    finally:
        pg_cluster.drop_database(pg_empty_url)
        pg_cluster.execute(f"DROP ROLE IF EXISTS {PASSWORD_ROLE}")


def test_no_server_there_is_one_clear_error() -> None:
    address = server(f"postgresql://duban@127.0.0.1:{free_port()}/duban?connect_timeout=3")
    with pytest.raises(StoreError) as info:
        Store.open(address)
    assert info.value.code == "server_unreachable"
    assert "连不上数据库服务器" in info.value.message_zh and address.display() in info.value.detail


def test_every_desk_on_the_server_shares_one_installation(pg_url: str) -> None:
    with Store.open(pg_url) as desk1, Store.open(pg_url) as desk2:
        desk1.set_office(None, coordinating_office=True)
        assert desk2.installation().id == desk1.installation().id
        assert desk2.installation().is_coordinating_office


def test_only_desks_given_the_office_key_file_can_sign_exports(
    pg_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The desks share one installation: a desk without the key file must not make a second
    key (it would retire the one the units pinned); copying the file lets it sign."""
    import shutil

    from domain.exchange_records import ExportScope
    from exchange.service import export_to
    from signing import key_file

    desk_a, desk_b = tmp_path / "desk-a", tmp_path / "desk-b"
    (tmp_path / "usb").mkdir()
    with Store.open(pg_url) as store:
        store.set_office(None, coordinating_office=True)
        monkeypatch.setenv("DUBAN_DATA_DIR", str(desk_a))
        first = export_to(store, tmp_path / "usb", ExportScope.PLAN_ONLY)
        own = store.own_key()
        monkeypatch.setenv("DUBAN_DATA_DIR", str(desk_b))
        with pytest.raises(StoreError) as info:
            export_to(store, tmp_path / "usb", ExportScope.PLAN_ONLY)
        assert info.value.code == "shared_key_missing" and own.key_id in info.value.detail
        assert [k.key_id for k in store.keys() if k.is_own and k.status.value == "confirmed"] == [
            own.key_id
        ]
        inst = store.installation().id
        (desk_b / "keys").mkdir(parents=True)
        shutil.copy(
            key_file.key_path(desk_a / "keys", inst), key_file.key_path(desk_b / "keys", inst)
        )
        second = export_to(store, tmp_path / "usb", ExportScope.PLAN_ONLY)
        assert first != second and store.own_key().key_id == own.key_id
