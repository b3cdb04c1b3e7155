"""Settings for SafeLearn, read from the environment so one file serves development, CI and production."""

from __future__ import annotations

import os
import secrets
from pathlib import Path

import dj_database_url

BASE_DIR = Path(__file__).resolve().parent.parent
# Everything SafeLearn writes — the SQLite file and its -wal/-shm, keys, backups, exports — is for its own
# user only. Set before var/ or any file exists (safelearn/cli.py does the same for the CLI).
os.umask(0o077)
VAR_DIR = Path(os.environ.get("SAFELEARN_VAR_DIR", BASE_DIR / "var"))
VAR_DIR.mkdir(mode=0o700, parents=True, exist_ok=True)


def _env_bool(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def _secret_from_file(name: str, env: str) -> str:
    """Use the environment when given; otherwise generate once into var/ (never committed)."""
    if os.environ.get(env):
        return os.environ[env]
    path = VAR_DIR / name
    if not path.exists():
        path.write_text(secrets.token_urlsafe(50))
        path.chmod(0o600)
    return path.read_text().strip()


DEBUG = _env_bool("DEBUG", False)
SECRET_KEY = _secret_from_file("secret_key", "SECRET_KEY")
# Keyed HMAC for receipt-code look-up handles; kept apart from SECRET_KEY so that one can rotate freely.
SAFELEARN_RECEIPT_KEY = _secret_from_file("receipt_key", "SAFELEARN_RECEIPT_KEY")
# Keys the audit hash chain (HMAC) and signs its checkpoints; outside the database, so someone who can
# rewrite audit rows cannot recompute the chain. Never change it: old events would no longer verify.
SAFELEARN_AUDIT_KEY = _secret_from_file("audit_key", "SAFELEARN_AUDIT_KEY")
# Signed checkpoints (event count + head hash) outside the database; point it at storage the database's
# administrators cannot rewrite. One file per database (docs/security.md, "Audit chain").
SAFELEARN_AUDIT_ANCHOR_FILE = Path(os.environ.get("SAFELEARN_AUDIT_ANCHOR_FILE", VAR_DIR / "audit-anchors.jsonl"))
ALLOWED_HOSTS = [h.strip() for h in os.environ.get("ALLOWED_HOSTS", "127.0.0.1,localhost").split(",") if h]
CSRF_TRUSTED_ORIGINS = [o.strip() for o in os.environ.get("CSRF_TRUSTED_ORIGINS", "").split(",") if o.strip()]

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django_tasks",
    "django_tasks_db",
    "crispy_forms",
    "crispy_forms_gds",
    "safelearn.core",
    "safelearn.organisations",
    "safelearn.privacy",
    "safelearn.reporting",
    "safelearn.review",
    "safelearn.web",
    "safelearn.api",
    "ninja",  # its templates and static files: /api/v1/docs serves Swagger UI from here, not from a CDN
    "safelearn.imports",
    "safelearn.analytics",
    "safelearn.queries",  # queries and reports (issue 17): above analytics
    "safelearn.casereviews",
    "safelearn.learning",
    "safelearn.casework",
    "safelearn.demo",  # demo data and the synthetic generator: the top of the layers (issue 22)
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    # Issue 21: the language comes from the language cookie (set by the switcher), then the browser.
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "safelearn.web.middleware.SecurityHeadersMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

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
                "safelearn.web.context_processors.navigation",
            ],
        },
    }
]

_default_sqlite = f"sqlite:///{VAR_DIR / 'safelearn.sqlite3'}"
DATABASES = {"default": dj_database_url.parse(os.environ.get("DATABASE_URL", _default_sqlite), conn_max_age=60)}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets readers run beside the single writer; IMMEDIATE transactions take the write lock up front
    # and the busy timeout makes a second writer wait instead of failing with "database is locked".
    DATABASES["default"]["CONN_MAX_AGE"] = 0
    DATABASES["default"]["OPTIONS"] = {
        # secure_delete: deleted and overwritten content (a purged narrative's ciphertext) is zeroed, not
        # left in free pages; `safelearn purge` then checkpoints the WAL (safelearn/core/retention.py).
        "init_command": (
            "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON; PRAGMA secure_delete=ON;"
        ),
        "transaction_mode": "IMMEDIATE",
        "timeout": 30,
    }
    # A file (not in-memory) test database so browser tests' live server shares it; one per process so
    # parallel test runs on one machine never share a file.
    DATABASES["default"]["TEST"] = {"NAME": str(VAR_DIR / f"test_safelearn_{os.getpid()}.sqlite3")}

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 12}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "home"

SESSION_COOKIE_AGE = int(os.environ.get("SESSION_COOKIE_AGE", 60 * 60 * 8))
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_HTTPONLY = True
SESSION_COOKIE_SECURE = _env_bool("SECURE_COOKIES", not DEBUG and _env_bool("HTTPS", False))
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
SECURE_SSL_REDIRECT = _env_bool("HTTPS", False)
SECURE_HSTS_SECONDS = 31536000 if _env_bool("HTTPS", False) else 0
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https") if _env_bool("BEHIND_PROXY") else None
X_FRAME_OPTIONS = "DENY"

LANGUAGE_CODE = "en-gb"
# Issue 21: the public journey and the staff reporting form in Welsh; other pages fall back to English.
LANGUAGES = [("en-gb", "English"), ("cy", "Cymraeg")]
LOCALE_PATHS = [BASE_DIR / "safelearn" / "locale"]
# The switcher's choice lasts a year on this device; a signed-in user's choice also lives on the account.
LANGUAGE_COOKIE_AGE = 60 * 60 * 24 * 365
LANGUAGE_COOKIE_SAMESITE = "Lax"
LANGUAGE_COOKIE_SECURE = _env_bool("SECURE_COOKIES", not DEBUG and _env_bool("HTTPS", False))
TIME_ZONE = "Europe/London"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = VAR_DIR / "static"
STATIC_ROOT.mkdir(exist_ok=True)
_govuk_dist = BASE_DIR / "node_modules" / "govuk-frontend" / "dist" / "govuk"
STATICFILES_DIRS = [("govuk", _govuk_dist)] if _govuk_dist.exists() else []
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedStaticFilesStorage"},
}
WHITENOISE_USE_FINDERS = True

CRISPY_ALLOWED_TEMPLATE_PACKS = ["gds"]
CRISPY_TEMPLATE_PACK = "gds"

EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "safelearn@localhost")
# Who runs this SafeLearn service and how people reach them: shown on the help, accessibility and privacy
# pages (issue 16). Set both in production; the defaults only make sense on a developer's machine.
SAFELEARN_SERVICE_OPERATOR = os.environ.get("SAFELEARN_SERVICE_OPERATOR", "the SafeLearn service team")
SAFELEARN_SERVICE_EMAIL = os.environ.get("SAFELEARN_SERVICE_EMAIL", DEFAULT_FROM_EMAIL)
# Links in emails are absolute: the address people reach this site on (`make run` sets it to where it serves).
SITE_URL = os.environ.get("SAFELEARN_SITE_URL", "http://127.0.0.1:8000").rstrip("/")

CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.db.DatabaseCache",
        "LOCATION": "safelearn_cache",
    }
}
RATELIMIT_USE_CACHE = "default"

TASKS = {
    "default": {
        "BACKEND": os.environ.get("TASKS_BACKEND", "django_tasks_db.DatabaseBackend"),
    }
}
# `safelearn worker` (safelearn/core/worker.py): a task running longer than the limit is stopped and marked
# failed; a worker silent for the lease is presumed dead and its task re-queued, at most MAX_ATTEMPTS times.
SAFELEARN_TASK_TIME_LIMIT = float(os.environ.get("SAFELEARN_TASK_TIME_LIMIT", 300))
SAFELEARN_TASK_LEASE_SECONDS = float(os.environ.get("SAFELEARN_TASK_LEASE_SECONDS", 120))
SAFELEARN_TASK_MAX_ATTEMPTS = int(os.environ.get("SAFELEARN_TASK_MAX_ATTEMPTS", 3))
# The worker also runs the recurring jobs (safelearn/core/schedule.py). Set false to schedule them with cron.
SAFELEARN_SCHEDULE_ENABLED = _env_bool("SAFELEARN_SCHEDULE_ENABLED", True)
# audit_record refuses verbs missing from safelearn/core/audit_verbs.py when on (the test suite turns it on);
# off, it records them anyway and logs a warning, so a new verb never costs a user their change.
SAFELEARN_AUDIT_VERBS_STRICT = _env_bool("SAFELEARN_AUDIT_VERBS_STRICT", False)

# Keys for encrypting narratives and identities live outside the database: environment or key file.
SAFELEARN_ENCRYPTION_KEYS = os.environ.get("SAFELEARN_ENCRYPTION_KEYS", "")
SAFELEARN_KEY_FILE = Path(os.environ.get("SAFELEARN_KEY_FILE", VAR_DIR / "encryption.keys"))
SAFELEARN_RAW_RETENTION_DAYS = int(os.environ.get("SAFELEARN_RAW_RETENTION_DAYS", 90))
SAFELEARN_IDENTITY_RETENTION_DAYS = int(os.environ.get("SAFELEARN_IDENTITY_RETENTION_DAYS", 30))
SAFELEARN_NARRATIVE_MAX_CHARS = 20_000

# Exception messages can quote report content (issue 15, finding 4): every exception is logged as its class
# and traceback frames only (safelearn/core/logscrub.py). The filter sits on the root handler and, as a
# logger filter, on the loggers that log exceptions, so every handler downstream sees the scrubbed record.
# Configuring "django" here also detaches Django's default console/mail_admins handlers from it: its records
# reach the root handler below (ADMINS is not set, so mail_admins never sent anything).
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"scrub_exceptions": {"()": "safelearn.core.logscrub.ScrubExceptionText"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "filters": ["scrub_exceptions"]}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
    "loggers": {
        name: {"filters": ["scrub_exceptions"]} for name in ("django", "django.request", "django_tasks", "safelearn")
    },
}

# --- Sign-in security (safelearn.accounts, issue 10): TOTP two-factor, lockout, idle expiry. ---
INSTALLED_APPS += ["django_otp", "django_otp.plugins.otp_totp", "axes", "safelearn.accounts"]
# OTPMiddleware must follow AuthenticationMiddleware (it wraps request.user with is_verified()).
MIDDLEWARE.insert(
    MIDDLEWARE.index("django.contrib.auth.middleware.AuthenticationMiddleware") + 1,
    "django_otp.middleware.OTPMiddleware",
)
# Issue 21: a signed-in person's saved language wins over the cookie's (after auth, after LocaleMiddleware).
MIDDLEWARE.insert(
    MIDDLEWARE.index("django_otp.middleware.OTPMiddleware") + 1,
    "safelearn.accounts.middleware.AccountLanguageMiddleware",
)
MIDDLEWARE += [
    "safelearn.accounts.middleware.SessionIdleMiddleware",
    "safelearn.accounts.middleware.TwoFactorRequiredMiddleware",
    "axes.middleware.AxesMiddleware",  # last, as django-axes requires
]
AUTHENTICATION_BACKENDS = ["axes.backends.AxesStandaloneBackend", "django.contrib.auth.backends.ModelBackend"]
SAFELEARN_REQUIRE_2FA = _env_bool("SAFELEARN_REQUIRE_2FA", True)
SAFELEARN_SESSION_IDLE_SECONDS = int(os.environ.get("SAFELEARN_SESSION_IDLE_SECONDS", 30 * 60))
SAFELEARN_DRAFT_RETENTION_DAYS = int(os.environ.get("SAFELEARN_DRAFT_RETENTION_DAYS", 30))
OTP_TOTP_ISSUER = "SafeLearn"
AXES_FAILURE_LIMIT = int(os.environ.get("AXES_FAILURE_LIMIT", 5))
AXES_COOLOFF_TIME = 0.25  # hours: a locked username and address may try again after 15 minutes
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "accounts/locked_out.html"
AXES_VERBOSE = False
# API (issue 9): half-signed-in sessions get a 403 problem document from /api/, not the 2FA page's redirect.
MIDDLEWARE.insert(
    MIDDLEWARE.index("safelearn.accounts.middleware.TwoFactorRequiredMiddleware"),
    "safelearn.api.middleware.ApiTwoFactorMiddleware",
)
# API (security round 2): each /api/ request gets its own audit context (a token's id on every event it
# causes); outside the other middleware so that it also sees their responses.
MIDDLEWARE.insert(
    MIDDLEWARE.index("whitenoise.middleware.WhiteNoiseMiddleware") + 1,
    "safelearn.api.middleware.ApiRequestMiddleware",
)

# --- Single sign-on (safelearn.sso, issue 9): OpenID Connect per organisation, see docs/sso.md. ---
INSTALLED_APPS += ["safelearn.sso"]
AUTHENTICATION_BACKENDS += ["safelearn.sso.oidc.OrganisationOIDCBackend"]
