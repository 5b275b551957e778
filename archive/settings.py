"""Settings for the Statements Archive, driven by environment variables.

DATABASE_URL        postgres://… for PostgreSQL; unset or blank means SQLite in var/archive.sqlite3
DATABASE_REPLICA_URLS  comma-separated postgres://… streaming standbys for reads (optional)
DJANGO_SECRET_KEY   required when DJANGO_DEBUG is off
DJANGO_DEBUG        "1"/"true" for development (the default when no secret key is set)
DJANGO_ALLOWED_HOSTS  comma-separated host names
…and the others in docs/deployment.md (caching, login lockout, overload, time budget).
DJANGO_API_RATE     requests per client to /api/, e.g. "120/minute" (empty: no limit)
DJANGO_EXPORT_RATE  CSV/JSON exports per client, e.g. "20/hour" (empty: no limit)
DJANGO_EXPORT_MAX_ROWS  rows an anonymous export streams at most (0: no cap)
DJANGO_DUMP_PATH    the published dumparchive file served at /dump/statements-archive.jsonl
DJANGO_NUM_PROXIES  trusted proxies in front (X-Forwarded-For names the client); default 0
"""

import os
from pathlib import Path

import dj_database_url
from csp.constants import NONCE, NONE, SELF
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent


def env_flag(name, default=False):
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "")
# Without a secret key we can only be a developer's machine, so debug is the default there.
DEBUG = env_flag("DJANGO_DEBUG", default=not SECRET_KEY)
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured("DJANGO_SECRET_KEY must be set when DJANGO_DEBUG is off.")
    SECRET_KEY = "django-insecure-development-only-key-never-use-in-production"

ALLOWED_HOSTS = [
    h.strip()
    for h in os.environ.get("DJANGO_ALLOWED_HOSTS", "127.0.0.1,localhost,[::1]").split(",")
    if h.strip()
]
if DEBUG:
    ALLOWED_HOSTS += ["testserver"]

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.postgres",
    "django_filters",
    "axes",
    "csp",
    "django.contrib.sitemaps",
    "django.contrib.syndication",
    "rest_framework",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "statements",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "csp.middleware.CSPMiddleware",
    "django_permissions_policy.PermissionsPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Before the session middleware, so that it sees the finished response (cookies, Vary).
    "archive.middleware.PublicCacheMiddleware",
    # Reads a replica or the primary (archive.routers), from the request's cookies alone.
    "archive.replicas.ReplicaMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.http.ConditionalGetMiddleware",
    # Inside the ETag and Cache-Control layers, which apply to a cached page as to any other;
    # before CSRF and auth, so that a hit reads no session and no database.
    "archive.pagecache.PageCacheMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Last, as django-axes asks: it turns a locked-out login into the lockout page.
    "axes.middleware.AxesMiddleware",
]

# Content-Security-Policy (django-csp 4): scripts, styles, images and fonts from this site
# only; no inline script or style, no eval, no plugins, no framing, forms post here only.
# A script that must be inline carries {{ request.csp_nonce }} (NONCE adds it when used).
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF, NONCE],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [NONE],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    },
}

# Permissions-Policy (django-permissions-policy): no page uses any of these features.
PERMISSIONS_POLICY = {
    feature: []
    for feature in (
        "accelerometer",
        "autoplay",
        "browsing-topics",
        "camera",
        "display-capture",
        "encrypted-media",
        "fullscreen",
        "geolocation",
        "gyroscope",
        "magnetometer",
        "microphone",
        "midi",
        "payment",
        "publickey-credentials-get",
        "screen-wake-lock",
        "serial",
        "sync-xhr",
        "usb",
        "xr-spatial-tracking",
    )
}
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"

# Login protection (django-axes): after AXES_FAILURE_LIMIT wrong passwords for one user name,
# or from one address, that user name or address is refused for AXES_COOLOFF_TIME hours.
# Unlock earlier with `manage.py axes_reset_username NAME` or `axes_reset_ip ADDRESS`.
AUTHENTICATION_BACKENDS = [
    "archive.login.LockoutBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = int(os.environ.get("DJANGO_LOGIN_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = float(os.environ.get("DJANGO_LOGIN_COOLOFF_HOURS", "1"))
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "registration/locked_out.html"
AXES_VERBOSE = False
# Behind a reverse proxy every request comes from the proxy's address: set
# DJANGO_PROXY_COUNT to the number of proxies that append to X-Forwarded-For (the rightmost
# entries are theirs; what the client typed further left is never trusted).
PROXY_COUNT = int(os.environ.get("DJANGO_PROXY_COUNT", "0"))
AXES_CLIENT_IP_CALLABLE = "archive.login.client_ip"

# Overload (archive.overload, in front of Django in archive/wsgi.py; docs/deployment.md
# "Overload"): each process works on at most DJANGO_MAX_CONCURRENT requests at once; at most
# DJANGO_MAX_WAITING more may wait, until DJANGO_MAX_WAIT_SECONDS after they arrived; the
# rest are answered 503 with Retry-After at once. 0 concurrent turns admission control off.
MAX_CONCURRENT_REQUESTS = int(os.environ.get("DJANGO_MAX_CONCURRENT", "0"))
MAX_WAITING_REQUESTS = int(os.environ.get("DJANGO_MAX_WAITING", "2"))
MAX_WAIT_SECONDS = float(os.environ.get("DJANGO_MAX_WAIT_SECONDS", "0.05"))
RETRY_AFTER_SECONDS = int(os.environ.get("DJANGO_RETRY_AFTER", "5"))
# An admitted request may start database queries for this many seconds (0: no limit); past
# it the next query is refused and the page is a 503.
REQUEST_BUDGET_SECONDS = float(os.environ.get("DJANGO_REQUEST_BUDGET_SECONDS", "10"))
# Per-statement time budget on PostgreSQL, in milliseconds (0: none). The gunicorn config
# (archive/gunicorn.conf.py) sets it for the web processes only, so that migrations, ingest
# and backups run unbounded.
STATEMENT_TIMEOUT_MS = int(os.environ.get("DJANGO_STATEMENT_TIMEOUT_MS", "0"))

# Seconds browsers and shared caches may keep a public page for anonymous visitors
# (archive.middleware.PublicCacheMiddleware); 0 turns public caching off.
CACHE_MAX_AGE = int(os.environ.get("DJANGO_CACHE_MAX_AGE", "60"))

# The server's cache (archive/pagecache.py, docs/deployment.md "Shared cache"). With
# REDIS_URL (redis://host:6379/0) every process and host shares one Redis: the rate limits
# are per site and a write invalidates every process's pages. Without it each process keeps
# its own local-memory cache, and the content version is a stamp file that every process on
# this machine reads. "pages" is an alias of its own, so that pages never evict the rate
# limits' counters. DJANGO_PAGE_CACHE_SECONDS (default 600; 0 turns the page cache off)
# bounds how long a page is kept when no write comes.
REDIS_URL = os.environ.get("REDIS_URL", "")
PAGE_CACHE_SECONDS = int(os.environ.get("DJANGO_PAGE_CACHE_SECONDS", "600"))
_cache_prefix = os.environ.get("DJANGO_CACHE_PREFIX", "sa")
if REDIS_URL:
    # Short socket timeouts: a Redis that stops answering costs a page its cache, not a worker.
    _redis = {
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        "LOCATION": REDIS_URL,
        "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 0.5},
    }
    CACHES = {
        "default": {**_redis, "KEY_PREFIX": _cache_prefix},
        "pages": {**_redis, "KEY_PREFIX": f"{_cache_prefix}-pages", "TIMEOUT": PAGE_CACHE_SECONDS},
    }
    PAGE_CACHE_STAMP = None  # the content version is a key in Redis
else:
    _locmem = "django.core.cache.backends.locmem.LocMemCache"
    CACHES = {
        "default": {"BACKEND": _locmem, "LOCATION": "default"},
        "pages": {
            "BACKEND": _locmem,
            "LOCATION": "pages",
            "TIMEOUT": PAGE_CACHE_SECONDS,
            "OPTIONS": {"MAX_ENTRIES": 500},
        },
    }
    PAGE_CACHE_STAMP = Path(
        os.environ.get("DJANGO_PAGE_CACHE_STAMP", BASE_DIR / "var" / "content-version")
    )

ROOT_URLCONF = "archive.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

WSGI_APPLICATION = "archive.wsgi.application"

SQLITE_PATH = BASE_DIR / "var" / "archive.sqlite3"
SQLITE_PATH.parent.mkdir(exist_ok=True)
DATABASES = {
    # A blank DATABASE_URL (``DATABASE_URL= make run``) means the default, as unset does.
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL") or f"sqlite:///{SQLITE_PATH}",
        conn_max_age=int(os.environ.get("DJANGO_CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
# PostgreSQL through Django's backend with a health check that costs no round trip before
# each request's first query (archive/postgresql/base.py).
STOCK_POSTGRESQL, POSTGRESQL = "django.db.backends.postgresql", "archive.postgresql"
if DATABASES["default"]["ENGINE"] == STOCK_POSTGRESQL:
    DATABASES["default"]["ENGINE"] = POSTGRESQL
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Readers must not block the single writer (ingest while the site is served).
    DATABASES["default"].setdefault("OPTIONS", {})
    DATABASES["default"]["OPTIONS"].setdefault(
        "init_command", "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;"
    )
    DATABASES["default"]["OPTIONS"].setdefault("transaction_mode", "IMMEDIATE")
    # A writer waits for another's article (ingest holds the write lock while it extracts a
    # file again, up to INGEST_MAX_SECONDS) rather than failing with "database is locked".
    DATABASES["default"]["OPTIONS"].setdefault("timeout", 30)
    DATABASES["default"]["CONN_MAX_AGE"] = 0 if DEBUG else DATABASES["default"]["CONN_MAX_AGE"]
elif STATEMENT_TIMEOUT_MS > 0:
    # A session setting of every connection: a query past the budget is cancelled by the
    # server, and the page answers 503 (archive.overload.server_error), not a stalled worker.
    DATABASES["default"].setdefault("OPTIONS", {})
    DATABASES["default"]["OPTIONS"]["options"] = f"-c statement_timeout={STATEMENT_TIMEOUT_MS}"

# Read replicas (docs/deployment.md, "Read replicas"): PostgreSQL streaming standbys of
# DATABASE_URL become replica1, replica2…; archive.routers sends anonymous visitors' reads to
# a healthy one. A replica lagging past DATABASE_REPLICA_MAX_LAG seconds or refusing
# connections is skipped (checked every DATABASE_REPLICA_CHECK_SECONDS per process); a client
# that wrote reads the primary for DATABASE_REPLICA_PIN_SECONDS.
DATABASE_REPLICAS = []
for _url in filter(None, map(str.strip, os.environ.get("DATABASE_REPLICA_URLS", "").split(","))):
    _replica = dj_database_url.parse(
        _url, conn_max_age=DATABASES["default"]["CONN_MAX_AGE"], conn_health_checks=True
    )
    if _replica["ENGINE"] == STOCK_POSTGRESQL:
        _replica["ENGINE"] = POSTGRESQL
    if "postgresql" not in _replica["ENGINE"] or "postgresql" not in DATABASES["default"]["ENGINE"]:
        raise ImproperlyConfigured("DATABASE_REPLICA_URLS are PostgreSQL standbys of DATABASE_URL.")
    # A replica down must cost a fallback, not a worker stuck in connect().
    _replica["OPTIONS"] = {**DATABASES["default"].get("OPTIONS", {}), "connect_timeout": 2}
    _replica["TEST"] = {"MIRROR": "default"}  # a test run reads what it wrote
    DATABASE_REPLICAS.append(f"replica{len(DATABASE_REPLICAS) + 1}")
    DATABASES[DATABASE_REPLICAS[-1]] = _replica
DATABASE_REPLICA_MAX_LAG = float(os.environ.get("DATABASE_REPLICA_MAX_LAG", "5"))
DATABASE_REPLICA_CHECK_SECONDS = float(os.environ.get("DATABASE_REPLICA_CHECK_SECONDS", "3"))
DATABASE_REPLICA_PIN_SECONDS = int(os.environ.get("DATABASE_REPLICA_PIN_SECONDS", "15"))
DATABASE_ROUTERS = ["archive.routers.ReplicaRouter"] if DATABASE_REPLICAS else []
if env_flag("DATABASE_TRANSACTION_POOLING"):
    # Behind PgBouncer's pool_mode=transaction a WITH HOLD cursor (an export's .iterator())
    # would outlive its server connection: fetch in chunks client-side instead.
    for _database in DATABASES.values():
        _database["DISABLE_SERVER_SIDE_CURSORS"] = True

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en-us"
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = BASE_DIR / "var" / "staticfiles"
STATIC_ROOT.mkdir(parents=True, exist_ok=True)  # whitenoise warns on every request without it
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}

# Uploaded articles are read in memory; anything larger is not a news article.
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024

if not DEBUG:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_SSL_REDIRECT = env_flag("DJANGO_SECURE_SSL_REDIRECT", default=True)
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_HSTS_SECONDS = int(os.environ.get("DJANGO_HSTS_SECONDS", "31536000"))
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
    SECURE_CONTENT_TYPE_NOSNIFF = True
    CSRF_TRUSTED_ORIGINS = [
        o.strip() for o in os.environ.get("DJANGO_CSRF_TRUSTED_ORIGINS", "").split(",") if o.strip()
    ]

# Open data (docs/api.md): the API, its rate limits and the exports' bounds. The limits are
# counted in the default cache (per process with the local-memory cache; a shared cache
# such as Redis or memcached makes them per site).
API_RATE_LIMIT = os.environ.get("DJANGO_API_RATE", "120/minute")
EXPORT_RATE_LIMIT = os.environ.get("DJANGO_EXPORT_RATE", "20/hour")
EXPORT_MAX_ROWS = int(os.environ.get("DJANGO_EXPORT_MAX_ROWS", "5000"))
# Where the published full dump is (written by `manage.py dumparchive`, e.g. nightly).
DUMP_PATH = Path(os.environ.get("DJANGO_DUMP_PATH", BASE_DIR / "var" / "statements-archive.jsonl"))
REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.AllowAny"],
    "UNAUTHENTICATED_USER": None,
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_PARSER_CLASSES": [],
    "DEFAULT_THROTTLE_CLASSES": ["statements.api.throttling.ClientRateThrottle"],
    "DEFAULT_PAGINATION_CLASS": "statements.api.pagination.ArchivePagination",
    "DEFAULT_SCHEMA_CLASS": "statements.api.schema.ArchiveAutoSchema",
    # ?format= is a filter parameter on the pages; the API answers in JSON only.
    "URL_FORMAT_OVERRIDE": None,
    "NUM_PROXIES": int(os.environ.get("DJANGO_NUM_PROXIES", "0")),
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Statements Archive API",
    "DESCRIPTION": "Read-only JSON for the archive's quotes, articles, speakers, rounds, "
    "dialogues, themes and outlets; the same filters as the pages. See docs/api.md.",
    "VERSION": "1",
    "SERVE_INCLUDE_SCHEMA": False,
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "COMPONENT_SPLIT_REQUEST": True,
    "ENUM_NAME_OVERRIDES": {
        "QuoteKind": "statements.models.Quote.Kind",
        "SpeakerKind": "statements.models.Speaker.Kind",
    },
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("DJANGO_LOG_LEVEL", "WARNING")},
}
