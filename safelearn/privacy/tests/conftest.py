"""Fixtures for the privacy tests (re-identification: copies made straight in the database)."""

from safelearn.privacy.tests.reid_helpers import make_copy, sized_org

__all__ = ["make_copy", "sized_org"]
