"""Taxonomy loading and keyword lexicons (cold-start priors for the suggestion model)."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

TAXONOMY_PATH = Path(__file__).resolve().parents[2] / "core" / "taxonomy.yaml"

# Suggestion fields -> taxonomy section holding their ids.
FIELD_SECTIONS: dict[str, str] = {
    "incident_type": "incident_type",
    "service_area": "service_area",
    "outcome": "outcome",
    "contributory_factors": "contributory_factor",
    "recovery_factor": "recovery_factor",
}
MULTI_LABEL_FIELDS = frozenset({"contributory_factors"})


@lru_cache(maxsize=1)
def load_taxonomy(path: str | None = None) -> dict[str, Any]:
    with open(path or TAXONOMY_PATH, encoding="utf-8") as fh:
        data: dict[str, Any] = yaml.safe_load(fh)
    return data


def field_ids(field: str) -> list[str]:
    section = load_taxonomy()[FIELD_SECTIONS[field]]
    return [str(item["id"]) for item in section]


def field_descriptions(field: str) -> dict[str, str]:
    section = load_taxonomy()[FIELD_SECTIONS[field]]
    return {str(i["id"]): f"{i.get('label', '')}. {i.get('description', '')}" for i in section}


LEXICON: dict[str, dict[str, list[str]]] = {
    "incident_type": {
        "information_not_shared": ["not shared", "not passed on", "wasn't told", "not told", "nobody told",
                                   "didn't share", "not informed", "without telling", "never passed"],
        "delayed_response": ["delay", "delayed", "waited", "still waiting", "days later", "took weeks",
                             "no response", "late response", "call back", "nobody has called"],
        "missed_visit_or_contact": ["visit", "not seen", "overdue visit", "doorstep", "missed visit",
                                    "statutory visit", "not been seen", "hasn't seen", "no contact from"],
        "referral_not_actioned": ["referral", "closed", "nfa", "no further action", "never sent",
                                  "not actioned", "not progressed", "screened out"],
        "assessment_or_plan_deficit": ["assessment", "plan not updated", "out of date", "no plan",
                                       "risk assessment", "care plan", "pathway plan", "not assessed"],
        "wrong_person_or_record": ["wrong child", "wrong file", "wrong address", "wrong record",
                                   "wrong family", "same surname", "another child's", "wrong name"],
        "confidentiality_breach": ["address", "unredacted", "redact", "disclosed", "wrong recipient",
                                   "confidential", "data breach", "sent to", "shared with the birth"],
        "child_missing": ["missing", "absconded", "ran away", "whereabouts", "not returned",
                          "return home interview", "mfh", "missing from"],
        "placement_issue": ["placement", "unregistered", "unregulated", "broke down", "b&b", "bed and breakfast",
                            "moved", "emergency placement", "matching", "staying put"],
        "contact_arrangement_error": ["contact", "family time", "supervised", "unsupervised", "contact centre",
                                      "family centre", "contact session"],
        "medication_error": ["medication", "medicine", "dose", "tablets", "mar chart", "prescription",
                             "meds", "inhaler", "epilepsy"],
        "transport_or_supervision_lapse": ["taxi", "escort", "transport", "unsupervised", "collected by",
                                           "ratio", "left alone", "driver", "minibus", "pick up"],
        "legal_or_court_deadline": ["court", "deadline", "hearing", "filing", "section 20", "s20",
                                    "placement order", "proceedings", "judge", "legal"],
        "allegation_management": ["allegation", "lado", "hit him", "hit her", "hits", "assaulted", "grabbed",
                                  "against a carer", "against staff", "designated officer"],
        "recording_error": ["recorded", "recording", "case notes", "chronology", "not recorded", "records",
                            "log", "copied and pasted"],
        "other": ["interpreter", "lone working", "threatened", "privacy", "dignity", "died", "death"],
    },
    "service_area": {
        "front_door": ["mash", "front door", "referral", "screening", "contact came in", "duty desk"],
        "early_help": ["early help", "family support worker", "team around the family", "tac", "family hub"],
        "assessment": ["assessment", "single assessment", "pre-birth", "child and family assessment"],
        "child_in_need": ["child in need", "cin", "section 17", "s17"],
        "child_protection": ["child protection", "section 47", "s47", "conference", "cp plan",
                             "pre-proceedings", "strategy discussion", "care proceedings", "plo"],
        "looked_after": ["looked after", "in care", "care order", "lac review", "iro", "care plan",
                         "section 20", "child in care", "family time"],
        "fostering": ["foster", "foster carer", "fostering", "supervising social worker", "carers"],
        "adoption": ["adopt", "adoption", "adoptive", "adopters", "letterbox", "placement order"],
        "residential": ["children's home", "residential", "the home", "shift", "registered manager", "staff"],
        "care_leavers": ["care leaver", "personal adviser", "pathway plan", "leaving care", "turned 18",
                         "pa ", "supported accommodation", "staying put"],
        "disabled_children": ["disabled", "disability", "short break", "respite", "autism", "non-verbal",
                              "epilepsy", "hoist", "learning disability", "cerebral palsy"],
        "out_of_hours": ["out of hours", "edt", "emergency duty", "overnight", "weekend", "2am", "night"],
    },
    "contributory_factors": {
        "communication_information_sharing": ["not passed", "not told", "email", "message", "informed",
                                              "communication", "shared"],
        "multi_agency_working": ["police", "health", "school", "agency", "agencies", "camhs", "gp",
                                 "partner", "multi-agency", "strategy"],
        "assessment_and_planning": ["assessment", "plan", "risk assessment", "assessed", "planning"],
        "voice_of_child": ["asked me", "listened", "nobody asked", "wishes", "feelings", "not heard",
                           "communicat", "seen alone", "voice"],
        "professional_curiosity": ["face value", "accepted", "curiosity", "explanation", "disguised",
                                   "not explored", "challenge"],
        "workload_and_staffing": ["caseload", "vacanc", "sick", "agency worker", "agency staff", "short staffed",
                                  "annual leave", "on leave", "capacity", "busy", "turnover"],
        "supervision_and_oversight": ["supervision", "manager", "oversight", "signed off", "audit"],
        "recording_and_systems": ["system", "record", "mosaic", "lcs", "form", "database", "inbox", "alert"],
        "policy_and_procedures": ["procedure", "policy", "protocol", "guidance", "threshold", "not followed"],
        "training_and_experience": ["training", "trained", "newly qualified", "inexperienced", "first week",
                                    "new to", "didn't know how"],
        "transitions_and_handover": ["handover", "transfer", "transferred", "shift", "new worker", "moved to",
                                     "changed worker"],
        "family_factors": ["hostile", "aggressive", "refused", "engage", "mental health", "drinking",
                           "disguised compliance"],
        "environment_and_resources": ["no placement", "placements", "resources", "funding", "waiting list",
                                      "interpreter", "no car", "shortage", "housing"],
    },
    "outcome": {
        "near_miss": ["near miss", "caught", "spotted in time", "before it", "could have", "nearly"],
        "no_harm": ["no harm", "safe and well", "was fine", "not hurt", "unharmed"],
        "low_harm": ["upset", "distress", "minor", "bruise", "settled"],
        "moderate_harm": ["hospital", "a&e", "lost", "evicted", "excluded", "significant"],
        "severe_harm": ["intensive care", "seriously", "serious injury", "exploited", "life-threatening"],
        "death": ["died", "death", "dead", "passed away", "funeral"],
        "unknown": ["not yet known", "too early", "don't know", "unknown"],
    },
    "recovery_factor": {
        "colleague_check": ["colleague", "another member of staff", "double-check", "noticed"],
        "supervision": ["supervision", "manager", "audit"],
        "partner_challenge": ["school challenged", "health visitor", "police", "escalated", "challenge"],
        "child_or_family_raised": ["told us", "complained", "mum rang", "told me", "i told"],
        "system_prompt": ["system flagged", "reminder", "alert", "flagged"],
        "chance": ["chance", "lucky", "happened to"],
        "other": [],
    },
}


def lexicon_for(field: str) -> dict[str, list[str]]:
    return LEXICON.get(field, {})
