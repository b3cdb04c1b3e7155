"""Shared test fixtures: two organisations, one user per role in each, and an analyst."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, Any

import pytest
from django.conf import settings
from django.test import Client
from django.utils import translation

from safelearn.core.tests.database_selection import keep_only_database_tests, only_database_tests_requested
from safelearn.core.types import User
from safelearn.organisations.models import Membership, Organisation, OrganisationKind, Role

if TYPE_CHECKING:
    from safelearn.reporting.services import SubmissionResult

PASSWORD = "a-long-test-password-42"

# The Playwright/Chromium harness: browser fixtures, skipping when Chromium is absent, and saying so loudly.
pytest_plugins = ["safelearn.web.tests.browser.plugin"]


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """SAFELEARN_DATABASE_TESTS_ONLY=1 keeps only the tests that reach the database.

    CI's second run, on PostgreSQL, exists to catch what differs between the two databases; a test that cannot
    query either (the de-identification and NLP engines, the CLIs without Django) gives the same answer on
    both, and it has just run on SQLite in the same CI job. Leaving them out shortens CI (bench/RESULTS.md).
    """
    if only_database_tests_requested():
        keep_only_database_tests(config, items)


@pytest.fixture(autouse=True)
def _fast_hashers_and_keys(settings: Any, tmp_path: Any) -> None:
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
    settings.RATELIMIT_ENABLE = True
    # Learning: model artefacts and search indexes per test, so no test reads another's (or the real var/).
    settings.SAFELEARN_MODEL_DIR = tmp_path / "models"
    settings.SAFELEARN_INDEX_DIR = tmp_path / "index"
    # Audit checkpoints per test: each test database is its own chain (core/audit_anchor.py).
    settings.SAFELEARN_AUDIT_ANCHOR_FILE = tmp_path / "audit-anchors.jsonl"
    # Argon2 with production cost (100 MB, several passes) per user made fixture setup take seconds a test.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    # Two-factor sign-in is tested in safelearn/accounts/tests; other tests sign in with force_login.
    settings.SAFELEARN_REQUIRE_2FA = False
    # Workers in tests run only the tasks a test enqueues, unless it turns the recurring jobs on.
    settings.SAFELEARN_SCHEDULE_ENABLED = False
    # Re-identification (privacy/reidentification.py): tests pool a handful of reports, far fewer than the real
    # k of 5, so k is 1 unless a test of the check sets it (safelearn/privacy/tests/test_reidentification.py).
    settings.SAFELEARN_K_ANONYMITY = 1
    # Every audit verb the suite records must be in the registry (safelearn/core/audit_verbs.py).
    settings.SAFELEARN_AUDIT_VERBS_STRICT = True


@pytest.fixture(autouse=True)
def _english_between_tests() -> Iterator[None]:
    """A request in Welsh leaves Welsh active on the thread (LocaleMiddleware never deactivates): every test
    starts, and leaves, in the site's default language, so no test depends on the one before it."""
    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture
def make_org(db: None) -> Callable[..., Organisation]:
    def make(slug: str = "northbridge", code: str = "NB", **extra: Any) -> Organisation:
        return Organisation.objects.create(
            name=extra.pop("name", slug.title() + " Children's Services"),
            slug=slug,
            code=code,
            duty_contact_email=extra.pop("duty_contact_email", f"duty@{slug}.example.org"),
            **extra,
        )

    return make


@pytest.fixture
def make_user(db: None, django_user_model: type[User]) -> Callable[..., User]:
    def make(username: str, role: str | None = None, organisation: Organisation | None = None, **extra: Any) -> User:
        user = django_user_model.objects.create_user(
            username=username, password=PASSWORD, email=extra.pop("email", f"{username}@example.org"), **extra
        )
        if role and organisation:
            Membership.objects.create(user=user, organisation=organisation, role=role)
        return user

    return make


@pytest.fixture
def org(make_org: Callable[..., Organisation]) -> Organisation:
    return make_org("northbridge", "NB")


@pytest.fixture
def other_org(make_org: Callable[..., Organisation]) -> Organisation:
    return make_org("westmoor", "WM")


@pytest.fixture
def national_org(make_org: Callable[..., Organisation]) -> Organisation:
    return make_org("national", "NAT", kind=OrganisationKind.NATIONAL)


@pytest.fixture
def people(
    make_user: Callable[..., User], org: Organisation, other_org: Organisation, national_org: Organisation
) -> dict[str, User]:
    """Every kind of user the permission tests need, keyed by a short name."""
    return {
        "reporter": make_user("reporter", Role.REPORTER, org),
        "reviewer": make_user("reviewer", Role.REVIEWER, org),
        "org_admin": make_user("orgadmin", Role.ORG_ADMIN, org),
        "other_reporter": make_user("other-reporter", Role.REPORTER, other_org),
        "other_reviewer": make_user("other-reviewer", Role.REVIEWER, other_org),
        "analyst": make_user("analyst", Role.ANALYST, national_org),
        "no_role": make_user("norole"),
    }


@pytest.fixture
def client_for(people: dict[str, User]) -> Callable[[str | None], Client]:
    """A test client signed in as one of ``people`` by short name (None: signed out)."""

    def make(name: str | None) -> Client:
        client = Client()
        if name:
            client.force_login(people[name])
        return client

    return make


@pytest.fixture
def submit_report(org: Organisation) -> Callable[..., SubmissionResult]:
    """Submit a report through the real service; returns the SubmissionResult."""
    from safelearn.reporting.services import ReportInput, report_submit

    def submit(
        organisation: Organisation | None = None, reporter: User | None = None, **fields: Any
    ) -> SubmissionResult:
        fields.setdefault("what_happened", "The planned visit did not happen because the duty rota had a gap.")
        fields.setdefault("mode", "named" if reporter is not None else "anonymous")
        return report_submit(organisation=organisation or org, data=ReportInput(**fields), reporter=reporter)

    return submit
