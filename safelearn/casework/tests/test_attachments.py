"""Attachments: the allow-list judged by content, metadata stripped, encrypted at rest, audited reads, purge."""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from PIL import ExifTags, Image

from safelearn.casework import files
from safelearn.casework.models import Attachment
from safelearn.casework.tests.conftest import png_bytes, upload
from safelearn.core.models import AuditEvent
from safelearn.core.types import User
from safelearn.privacy import services as privacy_services
from safelearn.privacy.models import DeidentifiedCopy

pytestmark = pytest.mark.django_db

CANARY = b"Canary-attachment-4417: the rota shows Jo Bloggs alone on the night of the visit.\n"


def client_for(user: User) -> Client:
    client = Client()
    client.force_login(user)
    return client


def add(client: Client, report: Any, name: str, data: bytes, description: str = "") -> Any:
    return client.post(
        reverse("casework:attachment_add", args=[report.pk]),
        {"attachment-file": upload(name, data), "attachment-description": description},
    )


def jpeg_with_gps() -> bytes:
    image = Image.new("RGB", (64, 48), (200, 30, 30))
    exif = Image.Exif()
    exif[ExifTags.Base.Make] = "CanaryCam-9931"
    exif[ExifTags.Base.Orientation] = 1
    exif[ExifTags.IFD.GPSInfo] = {
        ExifTags.GPS.GPSLatitudeRef: "N",
        ExifTags.GPS.GPSLatitude: (51.0, 30.0, 12.5),
        ExifTags.GPS.GPSLongitudeRef: "W",
        ExifTags.GPS.GPSLongitude: (0.0, 7.0, 39.0),
    }
    out = io.BytesIO()
    image.save(out, "JPEG", exif=exif)
    return out.getvalue()


def test_sniffing_ignores_the_extension() -> None:
    assert files.sniff(b"%PDF-1.7\n...") == "pdf"
    assert files.sniff(png_bytes()) == "png"
    assert files.sniff(b"plain words\n") == "text"
    assert files.sniff(b"MZ\x90\x00\x03\x00\x00\x00") is None  # a Windows program
    assert files.sniff(b"PK\x03\x04zip") is None


def test_jpeg_loses_exif_and_gps_on_upload(people: dict[str, Any], report: Any) -> None:
    original = jpeg_with_gps()
    with Image.open(io.BytesIO(original)) as check:  # the test file really carries GPS and the camera
        assert check.getexif().get_ifd(ExifTags.IFD.GPSInfo)
    assert b"CanaryCam-9931" in original
    reviewer = client_for(people["reviewer"])
    assert add(reviewer, report, "holiday.jpg", original).status_code == 302
    attachment = Attachment.objects.get(report=report)
    response = reviewer.get(reverse("casework:attachment_download", args=[attachment.pk]))
    assert response.status_code == 200
    body = response.content
    assert b"CanaryCam-9931" not in body and b"Exif" not in body
    with Image.open(io.BytesIO(body)) as image:
        assert image.format == "JPEG" and image.size == (64, 48)
        assert not image.getexif()
        assert "exif" not in image.info
    assert response["Content-Type"] == "image/jpeg"
    assert response["Content-Disposition"] == 'attachment; filename="holiday.jpg"'
    assert response["X-Content-Type-Options"] == "nosniff"


def test_png_text_chunks_are_dropped(people: dict[str, Any], report: Any) -> None:
    from PIL import PngImagePlugin

    info = PngImagePlugin.PngInfo()
    info.add_text("Author", "Canary-author-5150")
    out = io.BytesIO()
    Image.new("RGBA", (8, 8), (1, 2, 3, 128)).save(out, "PNG", pnginfo=info)
    assert add(client_for(people["reviewer"]), report, "x.png", out.getvalue()).status_code == 302
    assert b"Canary-author-5150" not in Attachment.objects.get(report=report).content


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("rota.pdf", b"MZ\x90\x00 a program renamed to .pdf", "The file must be a PDF, a PNG or JPEG image"),
        ("photo.jpg", b"\xff\xd8\xff\xe0 not really a jpeg", "The image could not be read"),
        ("empty.txt", b"", "The selected file is empty"),
    ],
)
def test_forbidden_or_broken_file_is_refused_clearly_and_nothing_is_lost(
    people: dict[str, Any], report: Any, name: str, data: bytes, message: str
) -> None:
    response = add(client_for(people["reviewer"]), report, name, data, description="The rota for that week")
    assert response.status_code == 400
    page = response.content.decode()
    assert "There is a problem" in page and message in page
    assert 'href="#id_attachment-file"' in page  # the error summary links to the field
    assert "The rota for that week" in page  # what was typed is kept
    assert not Attachment.objects.exists()


def test_oversized_file_is_refused_before_it_is_kept(people: dict[str, Any], report: Any, settings: Any) -> None:
    data = b"a" * (files.MAX_BYTES + 1)
    response = add(client_for(people["reviewer"]), report, "big.txt", data, description="Big one")
    assert response.status_code == 400
    page = response.content.decode()
    assert f"The file must be smaller than {files.MAX_MEGABYTES} MB" in page
    assert "Big one" in page
    assert not Attachment.objects.exists()


def test_every_download_is_audited_and_only_the_reviewer_downloads(people: dict[str, Any], report: Any) -> None:
    add(client_for(people["reviewer"]), report, "letter.txt", CANARY)
    attachment = Attachment.objects.get()
    url = reverse("casework:attachment_download", args=[attachment.pk])
    before = AuditEvent.objects.filter(verb="casework.attachment_read").count()
    assert client_for(people["reviewer"]).get(url).content == CANARY
    assert AuditEvent.objects.filter(verb="casework.attachment_read").count() == before + 1
    assert client_for(people["other_reviewer"]).get(url).status_code == 404
    assert client_for(people["reporter"]).get(url).status_code == 403  # an insider without the role
    assert client_for(people["org_admin"]).get(url).status_code == 403
    assert client_for(people["analyst"]).get(url).status_code == 404
    assert Client().get(url).status_code == 302  # sign in
    assert AuditEvent.objects.filter(verb="casework.attachment_read").count() == before + 1


def test_named_reporter_adds_a_file_to_their_own_report(people: dict[str, Any], report: Any) -> None:
    reporter = client_for(people["reporter"])
    response = add(reporter, report, "my-note.txt", CANARY)
    assert response.status_code == 302 and response["Location"] == reverse("casework:my_report", args=[report.pk])
    page = reporter.get(response["Location"]).content.decode()
    assert "my-note.txt" in page
    assert Attachment.objects.get().added_by_label == "reporter"


def test_others_cannot_add_files(people: dict[str, Any], report: Any, foreign_report: Any) -> None:
    assert add(client_for(people["other_reviewer"]), report, "x.txt", CANARY).status_code == 404
    assert add(client_for(people["org_admin"]), report, "x.txt", CANARY).status_code == 403
    assert add(client_for(people["reviewer"]), foreign_report, "x.txt", CANARY).status_code == 404
    assert not Attachment.objects.exists()


def test_attachments_never_reach_the_pool(people: dict[str, Any], report: Any) -> None:
    add(client_for(people["reviewer"]), report, "letter.txt", CANARY)
    copy = DeidentifiedCopy.objects.get(report=report)
    privacy_services.redaction_approve(copy=copy, actor=people["reviewer"])
    copy.refresh_from_db()
    assert CANARY.decode().strip() not in copy.text and "letter" not in copy.text


@pytest.mark.django_db(transaction=True)
def test_attachment_bytes_on_disk_are_not_the_plaintext(people: dict[str, Any], report: Any) -> None:
    """Byte scan: neither the content nor the file name is in the database file, its WAL or the column."""
    if connection.vendor != "sqlite":
        pytest.skip("a byte scan of SQLite's files")
    add(client_for(people["reviewer"]), report, "Jo-Bloggs-rota.txt", CANARY)
    image = jpeg_with_gps()
    add(client_for(people["reviewer"]), report, "photo.jpg", image)
    with connection.cursor() as cursor:
        cursor.execute("SELECT content, filename FROM casework_attachment")
        stored = [(bytes(c), bytes(f)) for c, f in cursor.fetchall()]
    assert len(stored) == 2
    for content, filename in stored:
        assert content.startswith(b"gAAAAA")  # a Fernet token, not the file
        assert CANARY not in content and b"Jo-Bloggs" not in filename
    path = Path(connection.settings_dict["NAME"])
    wal = path.with_name(path.name + "-wal")
    on_disk = path.read_bytes() + (wal.read_bytes() if wal.exists() else b"")
    assert b"Canary-attachment-4417" not in on_disk
    assert b"Jo-Bloggs-rota" not in on_disk
    stripped = Attachment.objects.get(kind="jpeg").content
    assert stripped[200:264] not in on_disk  # the (re-encoded) image is not stored in clear either


def test_files_are_destroyed_with_the_raw_narrative(people: dict[str, Any], report: Any, settings: Any) -> None:
    add(client_for(people["reviewer"]), report, "letter.txt", CANARY)
    copy = DeidentifiedCopy.objects.get(report=report)
    privacy_services.redaction_approve(copy=copy, actor=people["reviewer"])
    settings.SAFELEARN_RAW_RETENTION_DAYS = 30
    privacy_services.purge_raw_narratives(now=timezone.now() + dt.timedelta(days=31))
    attachment = Attachment.objects.get()
    assert attachment.content is None and attachment.filename == "" and attachment.purged_at is not None
    assert AuditEvent.objects.filter(verb="casework.attachments_purged").exists()
    url = reverse("casework:attachment_download", args=[attachment.pk])
    assert client_for(people["reviewer"]).get(url).status_code == 404
    page = client_for(people["reviewer"]).get(reverse("casework:report", args=[report.pk])).content.decode()
    assert "Destroyed with the original text" in page


@pytest.fixture
def fresh_keys(settings: Any, tmp_path: Path) -> Any:
    from safelearn.core import crypto

    settings.SAFELEARN_ENCRYPTION_KEYS = ""
    settings.SAFELEARN_KEY_FILE = tmp_path / "keys"
    crypto.reset_cipher_cache()
    yield settings.SAFELEARN_KEY_FILE
    crypto.reset_cipher_cache()


def test_key_rotation_re_encrypts_files(fresh_keys: Path, people: dict[str, Any], report: Any) -> None:
    from safelearn.core import crypto
    from safelearn.privacy.rotation import reencrypt_all

    add(client_for(people["reviewer"]), report, "letter.txt", CANARY)

    def stored() -> bytes:
        with connection.cursor() as cursor:
            cursor.execute("SELECT content FROM casework_attachment")
            return bytes(cursor.fetchone()[0])

    before = stored()
    crypto.add_new_key_to_file()
    reencrypt_all()
    assert stored() != before
    fresh_keys.write_text(fresh_keys.read_text().splitlines()[0] + "\n")  # the old key goes
    crypto.reset_cipher_cache()
    assert Attachment.objects.get().content == CANARY  # readable with the new key alone


@pytest.mark.django_db(transaction=True)
def test_purged_file_ciphertext_is_not_left_in_the_database_file(
    people: dict[str, Any], report: Any, settings: Any
) -> None:
    if connection.vendor != "sqlite":
        pytest.skip("a byte scan of SQLite's files")
    add(client_for(people["reviewer"]), report, "letter.txt", CANARY * 200)  # spills onto overflow pages
    with connection.cursor() as cursor:
        cursor.execute("SELECT content FROM casework_attachment")
        token = bytes(cursor.fetchone()[0])
    privacy_services.redaction_approve(copy=DeidentifiedCopy.objects.get(report=report), actor=people["reviewer"])
    settings.SAFELEARN_RAW_RETENTION_DAYS = 30
    privacy_services.purge_raw_narratives(now=timezone.now() + dt.timedelta(days=31))
    path = Path(connection.settings_dict["NAME"])
    wal = path.with_name(path.name + "-wal")
    on_disk = path.read_bytes() + (wal.read_bytes() if wal.exists() else b"")
    pieces = [token[i : i + 32] for i in range(0, len(token) - 32, 64)]
    assert pieces and not [p for p in pieces if p in on_disk]


def test_upload_is_never_written_to_a_temporary_file(people: dict[str, Any], report: Any, monkeypatch: Any) -> None:
    """Django spools uploads over 2.5 MB to a plaintext temporary file; the casework handler keeps them in memory."""
    from django.core.files import uploadhandler

    def refuse(*args: Any, **kwargs: Any) -> None:
        raise AssertionError("an upload went to a temporary file on disk")

    monkeypatch.setattr(uploadhandler.TemporaryFileUploadHandler, "new_file", refuse)
    data = b"line of a long letter\n" * 200_000  # 4.4 MB: over FILE_UPLOAD_MAX_MEMORY_SIZE
    assert add(client_for(people["reviewer"]), report, "long.txt", data).status_code == 302
    assert Attachment.objects.get().content == data


def test_a_name_in_any_script_downloads_safely(people: dict[str, Any], report: Any) -> None:
    add(client_for(people["reviewer"]), report, 'Åsa\'s "rota"\r\nX-Evil: 1.txt', CANARY)
    attachment = Attachment.objects.get()
    response = client_for(people["reviewer"]).get(reverse("casework:attachment_download", args=[attachment.pk]))
    disposition = response["Content-Disposition"]
    assert disposition.startswith("attachment; filename*=utf-8''%C3%85sas%20rota") and disposition.endswith(".txt")
    assert "\r" not in disposition and "\n" not in disposition and '"' not in disposition
    assert "X-Evil" not in response.headers


def test_notification_receipts_are_kept_as_encrypted_attachments(people: dict[str, Any], report: Any) -> None:
    from safelearn.casework import services
    from safelearn.review.receipts import receipt_store

    store = receipt_store()
    assert store is services.receipt_store
    pk = store(user=people["reviewer"], report=report, name="ofsted-receipt.pdf", data=b"%PDF-1.4 receipt")
    attachment = Attachment.objects.get(pk=pk)
    assert attachment.kind == "pdf" and attachment.description == services.RECEIPT_DESCRIPTION
    with pytest.raises(ValidationError):
        store(user=people["reviewer"], report=report, name="x.pdf", data=b"MZ\x90\x00 a program")
