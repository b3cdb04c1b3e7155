"""Absolute links for emails: a path on this site joined to the configured SITE_URL."""

from __future__ import annotations

from django.conf import settings


def absolute_url(path: str) -> str:
    """``/review/reports/1/`` → ``https://safelearn.example.org/review/reports/1/``; full URLs pass through.

    Emails are read outside the browser, where a relative link goes nowhere.
    """
    if not path or path.startswith(("http://", "https://")):
        return path
    base = str(getattr(settings, "SITE_URL", "") or "").rstrip("/")
    return f"{base}/{path.lstrip('/')}"
