"""Settings come from the environment and fail loudly when production lacks one."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings
from django.core.cache import cache
from django.core.management import call_command

ROOT = Path(__file__).resolve().parent.parent


def _django_setup(**env):
    clean = {
        k: v for k, v in os.environ.items() if k not in {"SECRET_KEY", "DEBUG", "DATABASE_URL"}
    }
    return subprocess.run(
        [sys.executable, "-c", "import django; django.setup(); print('ok')"],
        env={**clean, "DJANGO_SETTINGS_MODULE": "shpalta.settings", **env},
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )


def test_production_without_secret_key_refuses_to_start_and_names_it():
    result = _django_setup()
    assert result.returncode != 0
    assert "Set the SECRET_KEY environment variable" in result.stderr


def test_debug_runs_without_a_secret_key():
    assert _django_setup(DEBUG="1").stdout.strip() == "ok"


def test_a_mistyped_boolean_is_refused():
    result = _django_setup(SECRET_KEY="k", DEBUG="maybe")
    assert result.returncode != 0 and "DEBUG must be" in result.stderr


def test_cache_is_redis_when_redis_url_is_set_else_local_memory():
    backend = settings.CACHES["default"]["BACKEND"]
    if os.environ.get("REDIS_URL"):
        assert backend == "shpalta.caching.backends.ForgivingRedisCache"  # Django's, guarded
    else:
        assert backend == "django.core.cache.backends.locmem.LocMemCache"
    cache.set("shpalta-settings-test", "значення", 30)
    assert cache.get("shpalta-settings-test") == "значення"


def test_database_follows_database_url():
    engine = settings.DATABASES["default"]["ENGINE"]
    url = os.environ.get("DATABASE_URL", "")
    expected = "postgresql" if url.startswith("postgres") else "sqlite3"
    assert engine.endswith(expected)


@pytest.mark.django_db
def test_system_checks_pass_on_this_database():
    """What `manage.py migrate` (and so bin/serve) checks first, on SQLite and on
    PostgreSQL alike."""
    call_command("check", fail_level="ERROR")
