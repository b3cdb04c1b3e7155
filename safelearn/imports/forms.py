from __future__ import annotations

from django import forms
from django.core.files.uploadedfile import UploadedFile

MAX_UPLOAD_BYTES = 25 * 1024 * 1024
DATA_TYPES = (".csv", ".jsonl", ".ndjson")
MAPPING_TYPES = (".yaml", ".yml", ".json")


def _checked(upload: UploadedFile, allowed: tuple[str, ...], what: str) -> UploadedFile:
    name = (upload.name or "").lower()
    if not name.endswith(allowed):
        raise forms.ValidationError(f"The {what} must be a {' or '.join(allowed)} file")
    if upload.size and upload.size > MAX_UPLOAD_BYTES:
        raise forms.ValidationError(f"The {what} must be smaller than 25 MB")
    return upload


class ImportUploadForm(forms.Form):
    data_file = forms.FileField(
        label="Incidents file (CSV or JSON lines)",
        error_messages={"required": "Choose the file of incidents to import"},
    )
    mapping_file = forms.FileField(
        label="Mapping file (YAML or JSON)", error_messages={"required": "Choose the mapping file"}
    )
    dry_run = forms.BooleanField(label="Check only – do not import anything yet", required=False, initial=True)

    def clean_data_file(self) -> UploadedFile:
        return _checked(self.cleaned_data["data_file"], DATA_TYPES, "incidents file")

    def clean_mapping_file(self) -> UploadedFile:
        return _checked(self.cleaned_data["mapping_file"], MAPPING_TYPES, "mapping file")
