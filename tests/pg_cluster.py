"""A private, throwaway PostgreSQL cluster that a test may stop and start at will.

The suite's shared server (``packaging/postgres_test.sh``) must stay up for everyone, so a
test that kills its server gets its own cluster: :func:`private_cluster` runs ``initdb`` and
``pg_ctl`` from the newest ``/usr/lib/postgresql/*/bin`` in a fresh folder under the temp
directory, on a free loopback port (trust auth), as the ``postgres`` user when the tests run
as root (initdb refuses root), and removes everything afterwards whatever happens.

Without the PostgreSQL binaries (Debian package ``postgresql``) or psycopg the test is
skipped on a developer's machine and FAILS in CI (environment variable ``CI`` set), where
``bash packaging/setup.sh test`` installs both.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import socket
import subprocess
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

__all__ = ["PgCluster", "postgres_bindir", "private_cluster", "require_postgres_binaries"]

_START_TIMEOUT_S = 60


def postgres_bindir() -> Path | None:
    """The newest installed PostgreSQL server's bin folder, or ``None``."""
    found = [p for p in Path("/usr/lib/postgresql").glob("*/bin") if (p / "initdb").exists()]
    if not found:
        return None
    return max(found, key=lambda p: int(p.parent.name) if p.parent.name.isdigit() else 0)


def require_postgres_binaries() -> Path:
    """The bin folder; skips (fails in CI) when PostgreSQL or psycopg is missing."""
    bindir = postgres_bindir()
    reason = ""
    if bindir is None:
        reason = "PostgreSQL server binaries not installed (Debian package postgresql)"
    else:
        try:
            import psycopg  # noqa: F401
        except ImportError:
            reason = "psycopg not installed (pip install -e '.[postgres]')"
    if reason:
        if os.environ.get("CI"):
            pytest.fail(f"{reason}: packaging/setup.sh test installs it in CI")
        pytest.skip(reason)
    assert bindir is not None
    return bindir


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class PgCluster:
    """One initialised cluster: :meth:`start`, :meth:`stop` (``-m immediate`` by default:
    the server dies as in a crash or a pulled cable), :meth:`create_database`, :meth:`url`."""

    def __init__(self, bindir: Path, folder: Path) -> None:
        self.bindir = bindir
        self.folder = folder
        self.data = folder / "data"
        self.port = _free_port()
        self._as: list[str] = []
        if os.geteuid() == 0:
            shutil.chown(folder, "postgres", "postgres")
            self._as = ["runuser", "-u", "postgres", "--"]
        folder.chmod(0o700)

    def _run(self, *args: str) -> None:
        command = [*self._as, *args]
        done = subprocess.run(command, cwd=self.folder, capture_output=True, text=True,
                              timeout=_START_TIMEOUT_S + 30, check=False)
        if done.returncode != 0:
            log = self.folder / "server.log"
            server_log = log.read_text(errors="replace")[-3000:] if log.exists() else ""
            raise RuntimeError(f"{' '.join(args)} failed ({done.returncode}): "
                               f"{done.stdout}{done.stderr}\n{server_log}")

    def init(self) -> None:
        """``initdb`` (UTF-8, C.UTF-8 locale, trust auth, superuser postgres)."""
        self._run(str(self.bindir / "initdb"), "-D", str(self.data), "-U", "postgres",
                  "-A", "trust", "-E", "UTF8", "--locale=C.UTF-8")

    def start(self) -> None:
        """Start the server on 127.0.0.1:``port`` and wait until it accepts connections."""
        options = (f"-c listen_addresses=127.0.0.1 -p {self.port} -k {self.folder} "
                   "-c fsync=off -c full_page_writes=off")
        self._run(str(self.bindir / "pg_ctl"), "-D", str(self.data), "-l",
                  str(self.folder / "server.log"), "-w", "-t", str(_START_TIMEOUT_S),
                  "-o", options, "start")

    def stop(self, mode: str = "immediate") -> None:
        """Stop the server (``immediate``: no shutdown handshake with the clients)."""
        self._run(str(self.bindir / "pg_ctl"), "-D", str(self.data), "-m", mode, "-w",
                  "stop")

    @property
    def running(self) -> bool:
        """True while the postmaster's pid file exists."""
        return (self.data / "postmaster.pid").exists()

    def url(self, database: str = "postgres") -> str:
        """SQLAlchemy URL of ``database`` on this cluster (psycopg 3)."""
        return f"postgresql+psycopg://postgres@127.0.0.1:{self.port}/{database}"

    def create_database(self, name: str) -> str:
        """``CREATE DATABASE name``; returns its URL."""
        self._run(str(self.bindir / "createdb"), "-h", "127.0.0.1", "-p", str(self.port),
                  "-U", "postgres", name)
        return self.url(name)

    def wait_until_refusing(self, timeout: float = 10.0) -> None:
        """Wait until nothing listens on the port any more (after :meth:`stop`)."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
                if sock.connect_ex(("127.0.0.1", self.port)) != 0:
                    return
            time.sleep(0.05)
        raise RuntimeError(f"port {self.port} still accepts connections")


@contextlib.contextmanager
def private_cluster() -> Iterator[PgCluster]:
    """A started private cluster, stopped and removed on exit (see the module docstring)."""
    bindir = require_postgres_binaries()
    folder = Path(tempfile.mkdtemp(prefix="sampadak-pgc."))
    cluster = PgCluster(bindir, folder)
    try:
        cluster.init()
        cluster.start()
        yield cluster
    finally:
        if cluster.running:
            with contextlib.suppress(RuntimeError, subprocess.SubprocessError):
                cluster.stop()
        shutil.rmtree(folder, ignore_errors=True)
