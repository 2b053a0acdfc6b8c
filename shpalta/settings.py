"""Settings, all from environment variables; the defaults run on a laptop with nothing installed.

SQLite and the local-memory cache are the defaults; production sets DATABASE_URL
(PostgreSQL) and REDIS_URL. README.md lists every variable.
"""

import os
from datetime import timedelta
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

from shpalta.editions.registry import DEFAULT_EDITION, EDITIONS

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = Path(os.environ.get("SHPALTA_VAR_DIR", BASE_DIR / "var"))


def env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    if value.lower() in {"1", "true", "yes", "on"}:
        return True
    if value.lower() in {"0", "false", "no", "off"}:
        return False
    raise ImproperlyConfigured(f"{name} must be 1/true/yes/on or 0/false/no/off, not {value!r}.")


def env_list(name: str, default: str) -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = env_bool("DEBUG", False)
SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured(
            "Set the SECRET_KEY environment variable (a long random string); "
            "only DEBUG=1 runs without one. `make demo` and `make serve` make one in var/."
        )
    SECRET_KEY = "insecure-key-for-debug-only"  # noqa: S105

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost,[::1]")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", "")

INSTALLED_APPS = [
    "shpalta.editions",
    "shpalta.accounts",
    "shpalta.newsroom",
    "shpalta.reader",
    "shpalta.ads",
    "shpalta.syndication",
    "shpalta.channels",
    "shpalta.caching",
    "shpalta.demo",
    "wagtail.contrib.simple_translation",
    "wagtail.users",
    "wagtail.sites",
    "wagtail.snippets",
    "wagtail.images",
    "wagtail.documents",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "django_otp_webauthn",
    "axes",
]

MIDDLEWARE = [
    "shpalta.caching.middleware.PageCacheMiddleware",
    "django.middleware.security.SecurityMiddleware",
    # Inside the page cache, so that a kept page keeps its policy (shpalta/reader/csp.py).
    "shpalta.reader.csp.PolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "shpalta.editions.middleware.EditionMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "shpalta.accounts.middleware.AccountSecurityMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Last: turns django-axes' lockout of a sign-in into its page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "shpalta.urls"
WSGI_APPLICATION = "shpalta.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "shpalta.editions.context_processors.editions",
                "shpalta.syndication.context_processors.publisher",
            ],
        },
    },
]

# Database: SQLite under var/ unless DATABASE_URL names another (postgres://...).
DATABASE_URL = os.environ.get("DATABASE_URL", "")
if not DATABASE_URL:
    VAR_DIR.mkdir(parents=True, exist_ok=True)
    DATABASE_URL = f"sqlite:///{VAR_DIR / 'db.sqlite3'}"
DATABASES = {"default": dj_database_url.parse(DATABASE_URL, conn_max_age=60)}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Each server thread keeps its connection: opening one (and its PRAGMAs) per request
    # cost more than the article page itself (bench/RESULTS.md).
    DATABASES["default"]["CONN_MAX_AGE"] = 600
    # WAL lets the server read while the scheduler writes; IMMEDIATE avoids
    # "database is locked" on lock upgrades under concurrent writers.
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
    }
    # A file, not memory, for the test database: the browser tests' live server then
    # gives each request thread its own connection instead of sharing the test's.
    DATABASES["default"]["TEST"] = {"NAME": str(VAR_DIR / "test-db.sqlite3")}
else:
    DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # Wagtail's database search index uses PostgreSQL's GIN indexes there.
    INSTALLED_APPS.append("django.contrib.postgres")
    # No JIT compilation: it starts on a query the planner thinks costly and spends
    # 150-200 ms compiling what runs in 50 (a search on a million articles).
    options = DATABASES["default"].setdefault("OPTIONS", {})
    # An unreachable database fails a request within seconds, not minutes, and so does
    # a statement that runs away: the readers then get kept pages (caching.middleware).
    options.setdefault("connect_timeout", 3)
    statement_timeout = os.environ.get("DATABASE_STATEMENT_TIMEOUT", "30s")
    options["options"] = (
        f"{options.get('options', '')} -c jit=off -c statement_timeout={statement_timeout}"
    ).strip()
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

REDIS_URL = os.environ.get("REDIS_URL", "")


def redis_cache(url: str) -> dict:
    """Django's cache in Redis, where a Redis that cannot be reached is a miss, and a
    command that gets no answer fails within a second, not minutes."""
    return {
        "BACKEND": "shpalta.caching.backends.ForgivingRedisCache",
        "LOCATION": url,
        "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 1},
    }


if REDIS_URL:
    CACHES = {"default": redis_cache(REDIS_URL)}
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Languages: the editions, declared once in shpalta.editions.registry.
LANGUAGE_CODE = DEFAULT_EDITION.code
LANGUAGES = [(edition.code, edition.name) for edition in EDITIONS]
LOCALE_PATHS = [BASE_DIR / "shpalta" / "locale"]
USE_I18N = True
USE_TZ = True
TIME_ZONE = "Europe/Kyiv"  # what the newsroom and the readers see; the database stores UTC

STATIC_URL = "/static/"
STATIC_ROOT = VAR_DIR / "static"
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", VAR_DIR / "media"))
# Without a CDN or object storage in front, the application serves uploaded media itself.
SERVE_MEDIA = env_bool("SERVE_MEDIA", True)
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
# Before `collectstatic` (in tests) whitenoise serves from the apps' folders, unhashed.
WHITENOISE_USE_FINDERS = True
WHITENOISE_MANIFEST_STRICT = False

# Links of the reader site: the payment provider of "Support Us" and the social prompt.
SUPPORT_URL = os.environ.get("SUPPORT_URL", "https://example.org/support-shpalta")
SOCIAL_URL = os.environ.get("SOCIAL_URL", "https://www.instagram.com/")

# E-mail (Wagtail's workflow notifications): SMTP when EMAIL_HOST is set, else the console.
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "newsroom@localhost")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
if os.environ.get("EMAIL_HOST"):
    MAILERS = {
        "default": {
            "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "OPTIONS": {
                "host": os.environ["EMAIL_HOST"],
                "port": int(os.environ.get("EMAIL_PORT", "587")),
                "username": os.environ.get("EMAIL_USER", ""),
                "password": os.environ.get("EMAIL_PASSWORD", ""),
                "use_tls": env_bool("EMAIL_USE_TLS", True),
                "timeout": float(os.environ.get("EMAIL_TIMEOUT", "10")),
            },
        }
    }
else:
    MAILERS = {"default": {"BACKEND": "django.core.mail.backends.console.EmailBackend"}}

# The whole-page cache for anonymous readers (shpalta/caching): on unless PAGE_CACHE=0;
# kept in Redis when REDIS_URL is set, else in an SQLite file shared by the server's
# processes. Also the s-maxage that CDNs and Varnish are given.
PAGE_CACHE = env_bool("PAGE_CACHE", True)
PAGE_CACHE_SECONDS = int(os.environ.get("PAGE_CACHE_SECONDS", "300"))
# How long past that a kept copy may be served while the origin fails (Cache-Control's
# stale-if-error: Varnish's grace, deploy/varnish/shpalta.vcl).
STALE_IF_ERROR_SECONDS = int(os.environ.get("STALE_IF_ERROR_SECONDS", "86400"))
# And while it answers (stale-while-revalidate; the VCL's req.grace says the same).
STALE_WHILE_REVALIDATE_SECONDS = 30
# Entries the SQLite store keeps at most (some 25 KB each with the compressed forms).
PAGE_CACHE_MAX_ENTRIES = int(os.environ.get("PAGE_CACHE_MAX_ENTRIES", "20000"))
# Fragments kept between requests (the recent-news column); FRAGMENT_CACHE=0 turns them off.
FRAGMENT_CACHE = env_bool("FRAGMENT_CACHE", True)
# An article page keeps its own parts (its text, head, the blocks under it) as fragments,
# for its next render after a purge, only while the story is this many days old: an
# archive story's page is asked now and then (a crawler, the mirror), and its parts
# would be written, and crowd the store, for no one.
ARTICLE_PARTS_DAYS = int(os.environ.get("ARTICLE_PARTS_DAYS", "3"))
# Asked before a cached answer goes out (the content API's rate limit).
PAGE_CACHE_GUARDS = ["shpalta.syndication.api.rate_guard"]
# Tells the addresses that cannot be a page, answered with the kept 404 page on a miss.
PAGE_CACHE_MADE_UP = "shpalta.reader.addresses.made_up"
PAGE_CACHE_PATH = Path(os.environ.get("PAGE_CACHE_PATH", VAR_DIR / "page-cache.sqlite3"))
# Readers' misses (pages not kept) rendered at once by each server process, how many more
# may wait, and for how long; past that, the stale copy or 503 with Retry-After
# (shpalta/caching/misses.py). The pages of today's news (PAGE_CACHE_CURRENT) are never
# refused. Keep CONCURRENCY + QUEUE below the server's threads per process (bin/serve's
# THREADS, 4): the thread left answers hits while a crawler walks the archive. The queue
# is for the burst of pages a publish purges at once (its tag, section and author
# pages), which readers must get, not a 503.
PAGE_MISS_CONCURRENCY = int(os.environ.get("PAGE_MISS_CONCURRENCY", "1"))
PAGE_MISS_QUEUE = int(os.environ.get("PAGE_MISS_QUEUE", "2"))
PAGE_MISS_WAIT_SECONDS = float(os.environ.get("PAGE_MISS_WAIT_SECONDS", "1"))
PAGE_MISS_RETRY_AFTER = int(os.environ.get("PAGE_MISS_RETRY_AFTER", "10"))
PAGE_CACHE_CURRENT = "shpalta.reader.addresses.current"

# Edge caches purged by surrogate key after each publishing event (shpalta/caching/frontends.py).
VARNISH_URLS = env_list("VARNISH_URLS", "")
CLOUDFLARE_ZONE_ID = os.environ.get("CLOUDFLARE_ZONE_ID", "")
CLOUDFLARE_API_TOKEN = os.environ.get("CLOUDFLARE_API_TOKEN", "")
CLOUDFLARE_API_URL = os.environ.get("CLOUDFLARE_API_URL", "https://api.cloudflare.com/client/v4")

# The public address of the site: feeds, sitemaps, canonical links and the API give
# absolute URLs on it, whatever Host header a request came with.
SITE_URL = os.environ.get("SITE_URL", "http://127.0.0.1:8000").rstrip("/")
PUBLISHER_NAME = os.environ.get("PUBLISHER_NAME", "Shpalta")

# Syndication: the WebSub hub that feeds name and that publishing announces them to
# (empty: no hub); the content API's allowance per client (API key or address).
WEBSUB_HUB_URL = os.environ.get("WEBSUB_HUB_URL", "")
API_RATE_LIMIT = int(os.environ.get("API_RATE_LIMIT", "120"))
API_RATE_WINDOW = int(os.environ.get("API_RATE_WINDOW", "60"))
# How often (seconds) a reader's page of a running live blog asks for new updates.
LIVE_POLL_SECONDS = int(os.environ.get("LIVE_POLL_SECONDS", "20"))
# How long an editor has to cancel a story's Telegram post or breaking-news e-mail after
# publishing it, in seconds.
PUBLISH_UNDO_SECONDS = int(os.environ.get("PUBLISH_UNDO_SECONDS", "60"))
# Each edition's Telegram channel (shpalta/channels/telegram.py): the bot, which must be
# an administrator of each channel; the channels, "uk=@channel_uk,ru=@channel_ru,..."
# (an edition left out has none). No token: nothing is posted.
TELEGRAM_BOT_TOKEN = os.environ.get("TELEGRAM_BOT_TOKEN", "")
TELEGRAM_CHANNELS = os.environ.get("TELEGRAM_CHANNELS", "")
TELEGRAM_API_URL = os.environ.get("TELEGRAM_API_URL", "https://api.telegram.org").rstrip("/")
TELEGRAM_TIMEOUT = float(os.environ.get("TELEGRAM_TIMEOUT", "5"))  # seconds a call may take
# E-mail newsletters (shpalta/channels/newsletters.py): the editions that have them, the
# time (Kyiv) each day's digest goes out, the sender, and how many subscriptions one
# address may ask for in a window of seconds.
NEWSLETTER_EDITIONS = env_list("NEWSLETTER_EDITIONS", "uk,ru,en")
NEWSLETTER_DIGEST_TIME = os.environ.get("NEWSLETTER_DIGEST_TIME", "07:30")
NEWSLETTER_FROM = os.environ.get("NEWSLETTER_FROM", DEFAULT_FROM_EMAIL)
NEWSLETTER_RATE_LIMIT = int(os.environ.get("NEWSLETTER_RATE_LIMIT", "5"))
NEWSLETTER_RATE_WINDOW = int(os.environ.get("NEWSLETTER_RATE_WINDOW", "3600"))
# Called on every beat of `manage.py run_scheduler`, after scheduled publishing.
SCHEDULED_JOBS = [
    "shpalta.syndication.websub.announce_pending",
    "shpalta.channels.telegram.send_pending",
    "shpalta.channels.newsletters.send_pending",
    "shpalta.caching.pages.prune_store",
    "shpalta.caching.purge.prune_records",
    "shpalta.caching.purge.send_due_edge_purges",
]
# Offline reading (shpalta/reader/views/offline.py): a service worker keeps the front
# pages and the last OFFLINE_ARTICLES articles a reader opened; 0 takes it away again.
OFFLINE_READING = env_bool("OFFLINE_READING", True)
OFFLINE_ARTICLES = int(os.environ.get("OFFLINE_ARTICLES", "20"))
# How long the purge log (shpalta/caching/models.py) is kept: a static mirror brought up
# to date less often than this is made again whole (manage.py export_mirror).
PURGE_LOG_DAYS = int(os.environ.get("PURGE_LOG_DAYS", "40"))

# Signing in to the newsroom (shpalta/accounts, README "Security"). Every admin URL needs
# a session verified by a second factor; ADMIN_2FA=0 switches that off, and
# `check --deploy` warns when it is.
ADMIN_2FA_REQUIRED = env_bool("ADMIN_2FA", True)
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",  # first: refuses a locked-out sign-in
    "django.contrib.auth.backends.ModelBackend",
]
OTP_TOTP_ISSUER = os.environ.get("PUBLISHER_NAME", "Shpalta")
# Passkeys (shpalta/accounts/passkeys.py): a second factor, never instead of the password,
# bound to the host the admin is reached at.
OTP_WEBAUTHN_ALLOW_PASSWORDLESS_LOGIN = False
OTP_WEBAUTHN_RP_NAME = OTP_TOTP_ISSUER
OTP_WEBAUTHN_RP_ID_CALLABLE = "shpalta.accounts.passkeys.relying_party_id"
OTP_WEBAUTHN_HELPER_CLASS = "shpalta.accounts.passkeys.Helper"
# Wrong codes slow the next tries down: 1, 2, 4... seconds (django-otp's throttling).
OTP_TOTP_THROTTLE_FACTOR = OTP_STATIC_THROTTLE_FACTOR = 1
# django-axes: a user is refused from one address after AXES_USER_FAILURE_LIMIT wrong
# passwords there, an address after AXES_FAILURE_LIMIT whatever the names tried
# (shpalta.accounts.lockout.TwoLimitHandler); both for AXES_COOLOFF_TIME.
AXES_HANDLER = "shpalta.accounts.lockout.TwoLimitHandler"
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"], "ip_address"]
AXES_USER_FAILURE_LIMIT = int(os.environ.get("SIGN_IN_USER_FAILURES", "5"))
AXES_FAILURE_LIMIT = int(os.environ.get("SIGN_IN_ADDRESS_FAILURES", "20"))
AXES_COOLOFF_TIME = timedelta(minutes=int(os.environ.get("SIGN_IN_LOCK_MINUTES", "15")))
AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT = False  # the page says when; keep it true
AXES_RESET_ON_SUCCESS = True
AXES_CLIENT_IP_CALLABLE = "shpalta.accounts.lockout.client_ip"
AXES_LOCKOUT_CALLABLE = "shpalta.accounts.lockout.locked_out"
AXES_VERBOSE = False
# Sessions: 12 hours at most, 2 hours idle (shpalta/accounts/sessions.py).
ADMIN_SESSION_MAX_SECONDS = int(os.environ.get("ADMIN_SESSION_HOURS", "12")) * 3600
ADMIN_SESSION_IDLE_SECONDS = int(os.environ.get("ADMIN_SESSION_IDLE_MINUTES", "120")) * 60
SESSION_COOKIE_AGE = ADMIN_SESSION_MAX_SECONDS
SESSION_COOKIE_SAMESITE = CSRF_COOKIE_SAMESITE = "Lax"

# Security. Behind a TLS-terminating proxy set HTTPS=1.
HTTPS = env_bool("HTTPS", False)
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https") if HTTPS else None
SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = HTTPS
SECURE_HSTS_SECONDS = 31536000 if HTTPS else 0
SECURE_HSTS_INCLUDE_SUBDOMAINS = HTTPS
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SESSION_COOKIE_HTTPONLY = True
# Wagtail's admin reads the token from its forms and wagtailConfig, never from the cookie.
CSRF_COOKIE_HTTPONLY = True
X_FRAME_OPTIONS = "SAMEORIGIN"  # the Wagtail preview uses a same-origin frame
# `check --deploy` passes with the production environment README describes, but for:
SILENCED_SYSTEM_CHECKS = [
    # HTTP is redirected to HTTPS by the TLS proxy (deploy/nginx/shpalta.conf), before
    # Varnish and the page cache; a redirect here would answer misses but not hits.
    "security.W008",
    # DENY would break Wagtail's preview, a frame of the admin's own origin.
    "security.W019",
    # Preloading HSTS is the operator's commitment (hstspreload.org), not a default.
    "security.W021",
    # Passkeys are checked against the origin of the request's own host (validated by
    # ALLOWED_HOSTS, port included), not a fixed OTP_WEBAUTHN_ALLOWED_ORIGINS list.
    "otp_webauthn.E030",
]

# Wagtail: the newsroom editor.
WAGTAIL_SITE_NAME = "Shpalta"
WAGTAILADMIN_BASE_URL = SITE_URL
WAGTAIL_I18N_ENABLED = True
# Publishing that needs a second editor (newsroom/approval.py): "urgent" items, and with
# "night" anything published outside SECOND_APPROVAL_HOURS (Kyiv time, HH:MM-HH:MM).
SECOND_APPROVAL = env_list("SECOND_APPROVAL", "urgent")
SECOND_APPROVAL_HOURS = os.environ.get("SECOND_APPROVAL_HOURS", "07:00-23:00")
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES
WAGTAILIMAGES_IMAGE_MODEL = "newsroom.NewsImage"
# Image uploads: recognised by content, a size cap (IMAGE_MAX_UPLOAD_MB), a pixel cap read
# from the header before anything is decoded (a 20,000 × 20,000 "bomb" of a few KB is
# refused at once), and the stored original written again without EXIF, GPS or other
# metadata (shpalta/newsroom/uploads.py).
WAGTAILIMAGES_IMAGE_FORM_BASE = "shpalta.newsroom.forms.NewsImageForm"
WAGTAILIMAGES_MAX_UPLOAD_SIZE = int(os.environ.get("IMAGE_MAX_UPLOAD_MB", "20")) * 1024 * 1024
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 50_000_000
WAGTAILIMAGES_EXTENSIONS = ["jpg", "jpeg", "png", "webp", "avif", "gif"]
# Documents are downloads, never pages of our origin: an uploaded HTML or SVG file opened
# inline would run its script with the reader's (an administrator's) session. Active
# types are refused at upload; every document is served by Wagtail's view as an
# attachment with nosniff and `Content-Security-Policy: default-src 'none'`, and the raw
# files under MEDIA_ROOT/documents/ are not served at all (shpalta/urls.py, nginx).
WAGTAILDOCS_SERVE_METHOD = "serve_view"
WAGTAILDOCS_EXTENSIONS = [
    *("pdf", "txt", "csv", "rtf", "zip"),
    *("doc", "docx", "odt", "xls", "xlsx", "ods", "ppt", "pptx", "odp"),
]
WAGTAILDOCS_INLINE_CONTENT_TYPES: list[str] = []
# Documents uploaded before the list above, served as bytes to save, not to display.
WAGTAILDOCS_CONTENT_TYPES = dict.fromkeys(
    ("html", "htm", "xhtml", "svg", "svgz", "xml", "xsl", "js", "mjs"), "application/octet-stream"
)
WAGTAIL_ENABLE_UPDATE_CHECK = False
# No Gravatar: staff e-mail hashes are not sent to a third party (nor allowed by the CSP).
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAIL_MODERATION_ENABLED = True
# Wagtail's database search (SQLite FTS5, PostgreSQL full-text) keeps the index of the
# lemmas shpalta/newsroom/search.py makes; shpalta/newsroom/search_backend.py asks it.
# "simple": PostgreSQL adds no stemming of its own.
WAGTAILSEARCH_BACKENDS = {
    "default": {"BACKEND": "wagtail.search.backends.database", "SEARCH_CONFIG": "simple"}
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    # Every background task logs its start and end at INFO; only their failures matter here.
    "loggers": {
        "django_tasks": {"level": "WARNING"},
        # Every sign-in is in the audit trail; axes' own lines would repeat it.
        "axes": {"level": "WARNING"},
    },
}
