"""Where it happened, who was affected and how badly: the coded answers (issue 17).

Fixed lists, so dashboards, the API, imports and the national pool all speak the same codes. A blank
answer means "not recorded", which is a value of its own everywhere (equality tables show it as "No data").
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class SettingType(models.TextChoices):
    """The kind of place. Only this type ever leaves the organisation, never a named home or team."""

    CHILDRENS_HOME = "childrens_home", _("Children's home")
    SECURE_HOME = "secure_home", _("Secure children's home")
    SUPPORTED_ACCOMMODATION = "supported_accommodation", _("Supported accommodation (16 and 17 year olds)")
    FOSTER_PLACEMENT = "foster_placement", _("Foster placement")
    KINSHIP_PLACEMENT = "kinship_placement", _("Kinship or family and friends placement")
    OTHER_PLACEMENT = "other_placement", _("Other placement")
    TEAM = "team", _("Social work or early help team")
    FAMILY_CENTRE = "family_centre", _("Family centre")
    SCHOOL = "school", _("School or college")
    HOSPITAL = "hospital", _("Hospital or health setting")
    POLICE_STATION = "police_station", _("Police station")
    CHILDS_HOME = "childs_home", _("The child's home")
    ONLINE = "online", _("Online")
    OTHER = "other", _("Somewhere else")


class AgeBand(models.TextChoices):
    # The codes match privacy/reidentification.py's WIDER_AGE_BANDS so the k-anonymity widening applies.
    UNDER_5 = "0-4", _("Under 5")
    FROM_5 = "5-9", _("5 to 9")
    FROM_10 = "10-12", _("10 to 12")
    FROM_13 = "13-15", _("13 to 15")
    FROM_16 = "16-17", _("16 or 17")
    ADULT = "18+", _("18 or over (care leaver)")
    NOT_KNOWN = "not_known", _("Not known")


class Sex(models.TextChoices):
    FEMALE = "female", _("Female")
    MALE = "male", _("Male")
    NOT_KNOWN = "not_known", _("Not known")


class LegalStatus(models.TextChoices):
    CHILD_IN_NEED = "child_in_need", _("Child in need")
    CHILD_PROTECTION_PLAN = "child_protection_plan", _("Child protection plan")
    LOOKED_AFTER = "looked_after", _("Looked after")
    CARE_LEAVER = "care_leaver", _("Care leaver")
    NONE_KNOWN = "none_known", _("None known")


class YesNoNotKnown(models.TextChoices):
    YES = "yes", _("Yes")
    NO = "no", _("No")
    NOT_KNOWN = "not_known", _("Not known")


class Ethnicity(models.TextChoices):
    """The Office for National Statistics' 2021 Census categories for England and Wales (19 and 'not known')."""

    ASIAN_BANGLADESHI = "asian_bangladeshi", _("Asian or Asian British: Bangladeshi")
    ASIAN_CHINESE = "asian_chinese", _("Asian or Asian British: Chinese")
    ASIAN_INDIAN = "asian_indian", _("Asian or Asian British: Indian")
    ASIAN_PAKISTANI = "asian_pakistani", _("Asian or Asian British: Pakistani")
    ASIAN_OTHER = "asian_other", _("Asian or Asian British: any other Asian background")
    BLACK_AFRICAN = "black_african", _("Black, Black British, Caribbean or African: African")
    BLACK_CARIBBEAN = "black_caribbean", _("Black, Black British, Caribbean or African: Caribbean")
    BLACK_OTHER = "black_other", _("Black, Black British, Caribbean or African: any other Black background")
    MIXED_WHITE_ASIAN = "mixed_white_asian", _("Mixed or multiple ethnic groups: White and Asian")
    MIXED_WHITE_BLACK_AFRICAN = (
        "mixed_white_black_african",
        _("Mixed or multiple ethnic groups: White and Black African"),
    )
    MIXED_WHITE_BLACK_CARIBBEAN = (
        "mixed_white_black_caribbean",
        _("Mixed or multiple ethnic groups: White and Black Caribbean"),
    )
    MIXED_OTHER = "mixed_other", _("Mixed or multiple ethnic groups: any other mixed background")
    WHITE_BRITISH = "white_british", _("White: English, Welsh, Scottish, Northern Irish or British")
    WHITE_IRISH = "white_irish", _("White: Irish")
    WHITE_GYPSY_TRAVELLER = "white_gypsy_traveller", _("White: Gypsy or Irish Traveller")
    WHITE_ROMA = "white_roma", _("White: Roma")
    WHITE_OTHER = "white_other", _("White: any other White background")
    OTHER_ARAB = "other_arab", _("Other ethnic group: Arab")
    OTHER_ANY = "other_any", _("Other ethnic group: any other ethnic group")
    NOT_KNOWN = "not_known", _("Not known")


#: ONS 2021's five high-level groups: equality tables use these (19 categories would be all [c]).
ETHNIC_GROUPS: dict[str, str] = {
    "asian": "Asian or Asian British",
    "black": "Black, Black British, Caribbean or African",
    "mixed": "Mixed or multiple ethnic groups",
    "white": "White",
    "other": "Other ethnic group",
}


def ethnic_group(code: str) -> str:
    """'black_african' → 'black'; blank or 'not_known' → ''."""
    prefix = code.partition("_")[0]
    return prefix if prefix in ETHNIC_GROUPS and code != "not_known" else ""


class PhysicalHarm(models.TextChoices):
    """Learn from Patient Safety Events grades physical and psychological harm separately."""

    NONE = "none", _("No physical harm")
    LOW = "low", _("Low physical harm")
    MODERATE = "moderate", _("Moderate physical harm")
    SEVERE = "severe", _("Severe physical harm")
    FATAL = "fatal", _("Fatal")
    NOT_YET_KNOWN = "not_yet_known", _("Not yet known")


class PsychologicalHarm(models.TextChoices):
    NONE = "none", _("No psychological harm")
    LOW = "low", _("Low psychological harm")
    MODERATE = "moderate", _("Moderate psychological harm")
    SEVERE = "severe", _("Severe psychological harm")
    NOT_YET_KNOWN = "not_yet_known", _("Not yet known")


class ChildTold(models.TextChoices):
    """Whether the child or young person knows about the report and has a say in what happens next."""

    TOLD_AND_INVOLVED = "told_and_involved", _("Told, and involved in what happens next")
    TOLD = "told", _("Told, but not involved")
    NOT_TOLD = "not_told", _("Not told")
    NOT_KNOWN = "not_known", _("Not known")
