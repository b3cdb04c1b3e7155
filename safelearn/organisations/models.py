"""Organisations (local authorities, agencies, providers) and people's roles in them."""

from __future__ import annotations

from django.conf import settings
from django.db import models

from safelearn.core.models import BaseModel


class OrganisationKind(models.TextChoices):
    LOCAL_AUTHORITY = "local_authority", "Local authority"
    AGENCY = "agency", "Agency"
    PROVIDER = "provider", "Provider"
    NATIONAL = "national", "National learning body"


class Role(models.TextChoices):
    REPORTER = "reporter", "Reporter"
    REVIEWER = "reviewer", "Safety lead (reviewer)"
    ORG_ADMIN = "org_admin", "Organisation administrator"
    ANALYST = "analyst", "National analyst"


class Organisation(BaseModel):
    name = models.CharField(max_length=200, unique=True)
    slug = models.SlugField(max_length=80, unique=True)
    code = models.CharField(max_length=6, unique=True, help_text="Short prefix for report reference numbers, e.g. NB")
    kind = models.CharField(max_length=32, choices=OrganisationKind.choices, default=OrganisationKind.LOCAL_AUTHORITY)
    duty_contact_email = models.EmailField(blank=True)
    duty_contact_phone = models.CharField(max_length=40, blank=True)
    # A child at risk now: a named person must acknowledge the alert within this time, or it goes further.
    escalation_ack_minutes = models.PositiveSmallIntegerField(
        default=15, help_text="Minutes a named person has to acknowledge a child-at-risk-now alert"
    )
    out_of_hours_contact_email = models.EmailField(
        blank=True, help_text="Alerted outside Monday to Friday 9am to 5pm and on bank holidays"
    )
    out_of_hours_contact_phone = models.CharField(max_length=40, blank=True)
    second_contact_email = models.EmailField(
        blank=True, help_text="Alerted, with every safety lead, when nobody acknowledges in time"
    )
    triage_target_working_days = models.PositiveSmallIntegerField(default=2)
    immediate_risk_target_hours = models.PositiveSmallIntegerField(default=1)
    feedback_target_working_days = models.PositiveSmallIntegerField(default=20)
    children_supported = models.PositiveIntegerField(
        null=True, blank=True, help_text="Denominator for reporting rates per 1,000 children supported"
    )
    public_reporting_enabled = models.BooleanField(default=True)
    # Blank: the installation's default (SAFELEARN_IDENTITY_RETENTION_DAYS / SAFELEARN_RAW_RETENTION_DAYS);
    # read through organisations.selectors.identity_retention_days / raw_retention_days, never directly.
    identity_retention_days = models.PositiveSmallIntegerField(
        null=True, blank=True, help_text="Days a confidential reporter's identity is kept after the report is final"
    )
    raw_retention_days = models.PositiveSmallIntegerField(
        null=True, blank=True, help_text="Days the raw narrative is kept after its de-identified copy is approved"
    )
    # Shown as the header's stripe; validated for 4.5:1 contrast against white (organisations.branding).
    brand_colour = models.CharField(max_length=7, blank=True)
    # A small PNG or JPEG kept in the database (no media storage to configure), served by organisations:logo.
    logo = models.BinaryField(null=True, blank=True, editable=False)
    logo_content_type = models.CharField(max_length=20, blank=True)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Membership(BaseModel):
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships")
    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="memberships")
    role = models.CharField(max_length=20, choices=Role.choices)
    job_title = models.CharField(max_length=120, blank=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["user", "organisation", "role"], name="unique_membership_role")]

    def __str__(self) -> str:
        return f"{self.user} – {self.get_role_display()} at {self.organisation}"


class Invitation(BaseModel):
    """A one-time, expiring link that lets one person create an account in one organisation.

    Only a hash of the link's secret is stored: someone reading the database cannot use a pending invitation.
    """

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="invitations")
    email = models.EmailField()
    role = models.CharField(max_length=20, choices=Role.choices)
    token_hash = models.CharField(max_length=64, unique=True)
    invited_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    expires_at = models.DateTimeField()
    accepted_at = models.DateTimeField(null=True, blank=True)
    accepted_user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    withdrawn_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"Invitation for {self.email} to {self.organisation}"
