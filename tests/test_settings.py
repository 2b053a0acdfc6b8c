"""Settings come from the environment and fail loudly when production lacks one."""

import json
import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.cache import cache
from django.core.management import call_command

ROOT = Path(__file__).resolve().parent.parent


# Prints the settings the tests below read, as JSON.
SHOW = (
    "import json, django; django.setup(); from django.conf import settings as s; "
    "print(json.dumps({'CACHES': s.CACHES, 'DATABASES': s.DATABASES, "
    "'INSTALLED_APPS': s.INSTALLED_APPS}, default=str))"
)
OURS = {"SECRET_KEY", "DEBUG", "DATABASE_URL", "REDIS_URL", "SHPALTA_VAR_DIR"}


def _django_setup(**env):
    """Django set up in a process of its own, with this environment and none of OURS."""
    clean = {k: v for k, v in os.environ.items() if k not in OURS}
    return subprocess.run(  # noqa: S603  (this interpreter, our own code)
        [sys.executable, "-c", SHOW],
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
    assert _django_setup(DEBUG="1").returncode == 0


def test_a_mistyped_boolean_is_refused():
    result = _django_setup(SECRET_KEY="k", DEBUG="maybe")
    assert result.returncode != 0 and "DEBUG must be" in result.stderr


def _settings_under(**env) -> dict:
    """The settings a production process gets from this environment."""
    result = _django_setup(SECRET_KEY="k", **env)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_without_redis_url_the_cache_is_local_memory():
    cache = _settings_under()["CACHES"]["default"]
    assert cache["BACKEND"] == "django.core.cache.backends.locmem.LocMemCache"


def test_redis_url_puts_the_cache_in_that_redis_with_short_timeouts():
    cache = _settings_under(REDIS_URL="redis://cache.internal:6380/2")["CACHES"]["default"]
    assert cache["BACKEND"] == "shpalta.caching.backends.ForgivingRedisCache"
    assert cache["LOCATION"] == "redis://cache.internal:6380/2"
    assert cache["OPTIONS"] == {"socket_connect_timeout": 1, "socket_timeout": 1}


def test_without_database_url_the_database_is_sqlite_in_wal_mode_under_var():
    database = _settings_under()["DATABASES"]["default"]
    assert database["ENGINE"] == "django.db.backends.sqlite3"
    assert database["NAME"] == str(ROOT / "var" / "db.sqlite3")
    assert "journal_mode=WAL" in database["OPTIONS"]["init_command"]


def test_database_url_names_the_postgresql_server():
    url = "postgres://news:secret@db.internal:5433/shpalta"
    found = _settings_under(DATABASE_URL=url)
    database = found["DATABASES"]["default"]
    assert database["ENGINE"] == "django.db.backends.postgresql"
    assert (database["HOST"], database["PORT"], database["NAME"]) == (
        "db.internal",
        5433,
        "shpalta",
    )
    assert (database["USER"], database["PASSWORD"]) == ("news", "secret")
    assert database["CONN_HEALTH_CHECKS"] is True
    assert "django.contrib.postgres" in found["INSTALLED_APPS"]


def test_the_configured_cache_keeps_and_gives_back_a_value():
    cache.set("shpalta-settings-test", "значення", 30)
    assert cache.get("shpalta-settings-test") == "значення"


@pytest.mark.django_db
def test_system_checks_pass_on_this_database():
    """What `manage.py migrate` (and so bin/serve) checks first, on SQLite and on
    PostgreSQL alike."""
    call_command("check", fail_level="ERROR")


def test_check_deploy_passes_with_the_production_environment_of_the_readme(tmp_path):
    """README's production settings: a real key, HTTPS behind the proxy, the public
    address, SMTP for e-mail, two-factor sign-in left on."""
    environment = {
        "PATH": os.environ["PATH"],
        "SECRET_KEY": secrets.token_urlsafe(50),
        "HTTPS": "1",
        "ALLOWED_HOSTS": "news.example.org",
        "CSRF_TRUSTED_ORIGINS": "https://news.example.org",
        "SITE_URL": "https://news.example.org",
        "EMAIL_HOST": "smtp.example.org",
        "SHPALTA_VAR_DIR": str(tmp_path),
    }
    command = [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"]

    def check(env):
        return subprocess.run(  # noqa: S603  (this interpreter, our own code)
            command, env=env, cwd=ROOT, capture_output=True, text=True
        )

    passed = check(environment)
    assert passed.returncode == 0, passed.stderr

    # Two-factor sign-in switched off is a warning that fails the same check.
    warned = check({**environment, "ADMIN_2FA": "0"})
    assert warned.returncode != 0 and "shpalta.W001" in warned.stderr
