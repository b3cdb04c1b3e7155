"""Receipt codes are stored as a keyed HMAC verifier (decision 0014); old Argon2 hashes still open reports."""

from __future__ import annotations

import time
from typing import Any

import pytest
from argon2 import PasswordHasher
from django.urls import reverse

from safelearn.reporting import receipts
from safelearn.reporting.models import Report
from safelearn.reporting.selectors import report_find_by_receipt

pytestmark = pytest.mark.django_db


def test_new_codes_are_stored_as_a_keyed_verifier_not_the_code(submit_report: Any, settings: Any) -> None:
    result = submit_report(mode="anonymous")
    stored = Report.objects.get(pk=result.report.pk).receipt_hash
    code = result.receipt_code
    assert stored.startswith(receipts.VERIFIER_PREFIX)
    assert code not in stored and code.replace("-", "") not in stored
    assert receipts.verify_code(code, stored)
    assert not receipts.verify_code(code[:-1] + ("0" if code[-1] != "0" else "1"), stored)
    # Keyed: the same code under another key gives another verifier, so a stolen database alone checks nothing.
    settings.SAFELEARN_RECEIPT_KEY = "another-key-entirely"
    assert not receipts.verify_code(code, stored)
    assert receipts.hash_code(code) != stored


def test_the_verifier_is_not_the_look_up_handle(submit_report: Any) -> None:
    result = submit_report(mode="anonymous")
    report = Report.objects.get(pk=result.report.pk)
    assert report.receipt_hash.removeprefix(receipts.VERIFIER_PREFIX) != report.receipt_lookup


def test_codes_issued_with_argon2_still_open_their_report(client: Any, submit_report: Any) -> None:
    result = submit_report(mode="anonymous")
    old_style = PasswordHasher(time_cost=2, memory_cost=19456, parallelism=1).hash(result.receipt_code)
    Report.objects.filter(pk=result.report.pk).update(receipt_hash=old_style)
    assert report_find_by_receipt(code=result.receipt_code) == result.report
    wrong = result.receipt_code[:-1] + ("0" if result.receipt_code[-1] != "0" else "1")
    assert report_find_by_receipt(code=wrong) is None
    response = client.post(reverse("reporting:check_start"), {"code": result.receipt_code})
    assert response["Location"] == reverse("reporting:check_report")


def test_unknown_stored_formats_never_verify() -> None:
    code = receipts.generate_code()
    for stored in ("", code, "sha256$" + code, "$argon2id$broken"):
        assert not receipts.verify_code(code, stored)


def test_hashing_a_code_is_cheap() -> None:
    codes = [receipts.generate_code() for _ in range(200)]
    start = time.perf_counter()
    for code in codes:
        receipts.hash_code(code)
    # Argon2 took ~20 ms a code; the verifier is microseconds (a generous bound for a loaded machine).
    assert (time.perf_counter() - start) / len(codes) < 0.005
