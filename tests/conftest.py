"""Shared fixtures: SQLite and a real PostgreSQL server, and the seed corpus.

PostgreSQL is never mocked. If ``SITREP_TEST_POSTGRES_URL`` is set (a URL of a
role allowed to CREATE DATABASE) the tests use that server; otherwise the
session starts its own throw-away cluster from the installed server binaries
(initdb + pg_ctl) in a temporary folder, on a free loopback port, and stops it
at the end. Each test gets a fresh database. Tests that need PostgreSQL are
skipped only when no server binaries exist at all.
"""

from __future__ import annotations

import contextlib
import getpass
import os
import shutil
import socket
import subprocess
import tempfile
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from sitrep.api import create_app
from sitrep.store.database import Store
from sitrep.web.demo import build_sample_store

REPO = Path(__file__).resolve().parents[1]
# The shared corpus sits beside the repository (…/shared/corpus/seeds next to …/main).
SEEDS = Path(__file__).resolve().parents[2] / "shared/corpus/seeds"

# initdb refuses to run as root; the server then runs as this unprivileged user.
PG_SYSTEM_USER = "postgres"
PG_SUPERUSER = "sitrep"


# --- seed corpus ----------------------------------------------------------------


@pytest.fixture(scope="session")
def seeds() -> Path:
    if not (SEEDS / "manifest.jsonl").exists():
        pytest.skip(f"seed corpus not found at {SEEDS}")
    return SEEDS


# --- PostgreSQL server ------------------------------------------------------------


@dataclass(frozen=True)
class PostgresServer:
    """A server the tests may create databases on; ``admin_url`` points at its maintenance database."""

    admin_url: str

    def url_for(self, database: str) -> str:
        base, _, _ = self.admin_url.rpartition("/")
        return f"{base}/{database}"

    def create_database(self) -> str:
        name = f"sitrep_test_{uuid.uuid4().hex[:12]}"
        _run_admin_sql(self.admin_url, f'CREATE DATABASE "{name}"')
        return name

    def drop_database(self, name: str) -> None:
        _run_admin_sql(self.admin_url, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def _run_admin_sql(url: str, statement: str) -> None:
    import psycopg

    with psycopg.connect(url, autocommit=True) as connection:
        connection.execute(statement)


def postgres_bin_dir() -> Path | None:
    """The newest installed PostgreSQL server binaries (Debian layout, then PATH)."""
    candidates = sorted(Path("/usr/lib/postgresql").glob("*/bin/initdb"), key=lambda p: _major(p.parent.parent.name))
    if candidates:
        return candidates[-1].parent
    found = shutil.which("initdb")
    return Path(found).parent if found else None


def _major(name: str) -> int:
    return int(name) if name.isdigit() else 0


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _as_server_user(command: list[str]) -> list[str]:
    """Run as the unprivileged server user when we are root (initdb refuses root)."""
    if os.geteuid() != 0:
        return command
    _ensure_system_user(PG_SYSTEM_USER)
    return ["runuser", "-u", PG_SYSTEM_USER, "--", *command]


def _ensure_system_user(name: str) -> None:
    try:
        import pwd

        pwd.getpwnam(name)
    except KeyError:
        subprocess.run(["useradd", "--system", "--no-create-home", "--shell", "/usr/sbin/nologin", name], check=True)


def _chown_to_server_user(path: Path) -> None:
    if os.geteuid() == 0:
        shutil.chown(path, user=PG_SYSTEM_USER)


@contextlib.contextmanager
def local_postgres(bin_dir: Path) -> Iterator[PostgresServer]:
    """A throw-away cluster: trust auth on loopback and a private unix socket, no fsync (tests only)."""
    root = Path(tempfile.mkdtemp(prefix="sitrep-pg-"))
    data, sockets, log = root / "data", root / "sockets", root / "server.log"
    sockets.mkdir()
    _chown_to_server_user(root)
    _chown_to_server_user(sockets)
    root.chmod(0o755)  # the server user must reach its data dir and socket
    port = _free_port()
    initdb = [
        str(bin_dir / "initdb"),
        "-D",
        str(data),
        "-U",
        PG_SUPERUSER,
        "--auth=trust",
        "-E",
        "UTF8",
        "--locale=C",
        "--no-sync",
    ]
    subprocess.run(_as_server_user(initdb), check=True, capture_output=True)
    options = f"-p {port} -k {sockets} -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off"
    pg_ctl = str(bin_dir / "pg_ctl")
    start = [pg_ctl, "-D", str(data), "-l", str(log), "-o", options, "-w", "-t", "60", "start"]
    result = subprocess.run(_as_server_user(start), capture_output=True, text=True)
    if result.returncode != 0:
        log_text = log.read_text(errors="replace") if log.exists() else ""
        shutil.rmtree(root, ignore_errors=True)
        raise RuntimeError(f"PostgreSQL did not start: {result.stderr}\n{log_text}")
    try:
        yield PostgresServer(f"postgresql://{PG_SUPERUSER}@127.0.0.1:{port}/postgres")
    finally:
        subprocess.run(_as_server_user([pg_ctl, "-D", str(data), "-m", "fast", "-w", "stop"]), capture_output=True)
        shutil.rmtree(root, ignore_errors=True)


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[PostgresServer]:
    given = os.environ.get("SITREP_TEST_POSTGRES_URL")
    if given:
        yield PostgresServer(given)
        return
    bin_dir = postgres_bin_dir()
    if bin_dir is None:
        pytest.skip(
            "no PostgreSQL server binaries (initdb, pg_ctl): apt-get install postgresql, "
            "or set SITREP_TEST_POSTGRES_URL"
        )
    if os.geteuid() == 0 and shutil.which("runuser") is None:
        pytest.skip(f"running as root ({getpass.getuser()}) without runuser: cannot start PostgreSQL unprivileged")
    with local_postgres(bin_dir) as server:
        yield server


@pytest.fixture
def pg_url(postgres_server: PostgresServer) -> Iterator[str]:
    """A fresh, empty PostgreSQL database for one test."""
    name = postgres_server.create_database()
    try:
        yield postgres_server.url_for(name)
    finally:
        postgres_server.drop_database(name)  # WITH (FORCE) also ends connections a test left open


@pytest.fixture
def sqlite_url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'sitrep.db'}"


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def store_url(request: pytest.FixtureRequest) -> str:
    """The same test on both backends."""
    return str(request.getfixturevalue("sqlite_url" if request.param == "sqlite" else "pg_url"))


@pytest.fixture
def sample_store(tmp_path: Path) -> Iterator[Store]:
    """A SQLite store holding the demo incidents (Syria, Iraq, Ukraine, Sudan) the API and export tests read."""
    store = Store.open(str(tmp_path / "sample.db"))
    build_sample_store(store)
    yield store
    store.close()


@pytest.fixture
def client(sample_store: Store) -> TestClient:
    return TestClient(create_app(sample_store))
