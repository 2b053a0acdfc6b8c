"""The production server (granian, as bin/serve runs it) on the test's database, for tests
that need real processes: started by a test, stopped after it; and the TCP relay that
cuts a link to it or to the database (bench/relay.py, shared with the benchmarks)."""

import contextlib
import os
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection

from bench.relay import Relay  # noqa: F401  (for the tests that cut a link)

from .conftest import free_port

ROOT = Path(__file__).resolve().parents[1]


def database_url(host: str = "", port: int | None = None) -> str:
    """The test database, for the server processes (through `host`:`port` if given)."""
    db = connection.settings_dict
    if connection.vendor == "sqlite":
        return f"sqlite:///{db['NAME']}"
    credentials = db["USER"] + (f":{db['PASSWORD']}" if db["PASSWORD"] else "")
    host, port = host or db["HOST"], port or db["PORT"] or 5432
    return f"postgres://{credentials}@{host}:{port}/{db['NAME']}"


@contextlib.contextmanager
def granian(tmp_path: Path, workers: int = 2, **env):
    """granian with `workers` processes on the test's database and page store (its SQLite
    file, or Redis), `env` added to its environment; yields its address."""
    port = free_port()
    env = {
        **os.environ,
        "SECRET_KEY": "test-only-not-secret",
        "DATABASE_URL": database_url(),
        "SHPALTA_VAR_DIR": str(tmp_path / "var"),
        "PAGE_CACHE_PATH": str(settings.PAGE_CACHE_PATH),
        "SITE_URL": f"http://127.0.0.1:{port}",
        **env,
    }
    # As bin/serve does: the production settings serve hashed static files.
    subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--noinput", "-v0"],
        cwd=ROOT,
        env=env,
        check=True,
    )
    command = [sys.executable, "-m", "granian", "--interface", "wsgi", "--port", str(port)]
    command += ["--workers", str(workers), "--blocking-threads", "4", "--no-ws"]
    command += ["shpalta.wsgi:application"]
    log_path = tmp_path / "granian.log"
    log = log_path.open("w")
    process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=log, stderr=log)  # noqa: S603
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 30
    while True:
        try:
            with urllib.request.urlopen(f"{url}/robots.txt", timeout=2):  # noqa: S310
                break
        except OSError:
            if time.monotonic() > deadline or process.poll() is not None:
                process.kill()
                pytest.fail(f"granian did not start: {log_path.read_text()}")
            time.sleep(0.2)
    try:
        yield url
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:  # a worker stuck: not left running after the test
            process.kill()
            process.wait()
