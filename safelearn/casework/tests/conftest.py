from __future__ import annotations

import io
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from safelearn.core.types import User


@pytest.fixture
def report(people: dict[str, User], submit_report: Any, django_capture_on_commit_callbacks: Any) -> Any:
    with django_capture_on_commit_callbacks(execute=True):
        return submit_report(reporter=people["reporter"], mode="named").report


@pytest.fixture
def other_report(org: Any, submit_report: Any, django_capture_on_commit_callbacks: Any) -> Any:
    """A second report of the same organisation (anonymous)."""
    with django_capture_on_commit_callbacks(execute=True):
        return submit_report(what_happened="The same child was not collected from school on time.").report


@pytest.fixture
def foreign_report(other_org: Any, submit_report: Any, django_capture_on_commit_callbacks: Any) -> Any:
    with django_capture_on_commit_callbacks(execute=True):
        return submit_report(organisation=other_org, what_happened="Westmoor: a medication round was missed.").report


def png_bytes(size: tuple[int, int] = (20, 10)) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", size, (10, 120, 200)).save(out, "PNG")
    return out.getvalue()


def upload(name: str, data: bytes, content_type: str = "application/octet-stream") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, data, content_type=content_type)
