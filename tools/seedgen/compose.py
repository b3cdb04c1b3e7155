"""How the packaged seed reports (``safelearn/learning/data/seed_examples.jsonl``) are made.

The seeds are composed from hand-written fragments (:mod:`.incident_fragments`, :mod:`.context_fragments`)
plus a set of hand-written whole reports in the voices of young people and parents. Composition is
deterministic (seeded) so the data file can be regenerated: ``python -m tools.seedgen``.
"""

from __future__ import annotations

import json
import random
import re
from pathlib import Path
from typing import Any

from safelearn.learning.engine.data import SEED_PATH

from .context_fragments import (
    AREA_SETTINGS,
    CHILD_REFS,
    CLOSINGS,
    FACTOR_SENTENCES,
    OPENINGS,
    OUTCOME_SENTENCES,
    RECOVERY_SENTENCES,
    RISK_NOW,
    RISK_RESOLVED,
)
from .incident_fragments import EVENTS

ROLES_BY_AREA: dict[str, list[str]] = {
    "front_door": ["social_worker", "team_manager", "other_professional"],
    "early_help": ["family_support_worker", "parent", "other_professional"],
    "assessment": ["social_worker", "team_manager", "other_professional"],
    "child_in_need": ["social_worker", "parent", "other_professional"],
    "child_protection": ["social_worker", "iro", "other_professional", "parent"],
    "looked_after": ["social_worker", "iro", "young_person", "family_support_worker"],
    "fostering": ["foster_carer", "social_worker", "young_person"],
    "adoption": ["parent", "social_worker"],
    "residential": ["residential_worker", "team_manager", "young_person"],
    "care_leavers": ["young_person", "other_professional", "social_worker"],
    "disabled_children": ["parent", "residential_worker", "social_worker"],
    "out_of_hours": ["social_worker", "team_manager"],
}

# (text, labels) written whole, in the voices of young people and parents.
HANDWRITTEN: list[tuple[str, dict[str, Any]]] = [
    (
        "my pa hasnt replied in like 2 months and my electric is about to get cut off. i rang the leaving care "
        "office 4 times and they just say shes busy. i have no money for food till friday",
        {
            "incident_type": "missed_visit_or_contact",
            "service_area": "care_leavers",
            "outcome": "low_harm",
            "contributory_factors": ["workload_and_staffing", "voice_of_child"],
            "recovery_factor": "other",
            "immediate_risk": False,
            "reporter_role": "young_person",
        },
    ),
    (
        "they moved me to a new home miles away with 1 days notice. nobody asked me. i had to leave my school "
        "and my mates and my stuff came in bin bags",
        {
            "incident_type": "placement_issue",
            "service_area": "residential",
            "outcome": "moderate_harm",
            "contributory_factors": ["voice_of_child", "environment_and_resources"],
            "recovery_factor": "child_or_family_raised",
            "immediate_risk": False,
            "reporter_role": "young_person",
        },
    ),
    (
        "staff member grabbed my arm and pushed me into my room last night and when i told the manager she "
        "said i was making it up. he is on shift again tonight and im scared",
        {
            "incident_type": "allegation_management",
            "service_area": "residential",
            "outcome": "low_harm",
            "contributory_factors": ["policy_and_procedures", "voice_of_child"],
            "recovery_factor": "child_or_family_raised",
            "immediate_risk": True,
            "reporter_role": "young_person",
        },
    ),
    (
        "my foster carer gave me someone elses tablets by mistake this morning, they were in the wrong box. i "
        "felt sick and dizzy all day at school",
        {
            "incident_type": "medication_error",
            "service_area": "fostering",
            "outcome": "low_harm",
            "contributory_factors": ["recording_and_systems", "policy_and_procedures"],
            "recovery_factor": "child_or_family_raised",
            "immediate_risk": False,
            "reporter_role": "young_person",
        },
    ),
    (
        "i told my social worker my mums new boyfriend hits my little sister and she said she would sort it but "
        "nothing happened. my sister is still there with him now and he did it again yesterday",
        {
            "incident_type": "referral_not_actioned",
            "service_area": "looked_after",
            "outcome": "unknown",
            "contributory_factors": ["voice_of_child", "professional_curiosity"],
            "recovery_factor": "child_or_family_raised",
            "immediate_risk": True,
            "reporter_role": "young_person",
        },
    ),
    (
        "my contact with my mum got cancelled AGAIN and nobody told me. i sat at the centre for an hour. this is "
        "the 3rd time",
        {
            "incident_type": "contact_arrangement_error",
            "service_area": "looked_after",
            "outcome": "low_harm",
            "contributory_factors": ["communication_information_sharing", "voice_of_child"],
            "recovery_factor": "child_or_family_raised",
            "immediate_risk": False,
            "reporter_role": "young_person",
        },
    ),
    (
        "someone at the home told the other kids why im in care and now its all over snap. i didnt want anyone to know",
        {
            "incident_type": "confidentiality_breach",
            "service_area": "residential",
            "outcome": "low_harm",
            "contributory_factors": ["policy_and_procedures", "training_and_experience"],
            "recovery_factor": "child_or_family_raised",
            "immediate_risk": False,
            "reporter_role": "young_person",
        },
    ),
    (
        "I am disgusted. The social worker sent the conference minutes to my ex with our new address on them. "
        "We moved to get away from him. He was parked outside last night and nobody has called me back.",
        {
            "incident_type": "confidentiality_breach",
            "service_area": "child_protection",
            "outcome": "unknown",
            "contributory_factors": ["policy_and_procedures", "recording_and_systems"],
            "recovery_factor": "child_or_family_raised",
            "immediate_risk": True,
            "reporter_role": "parent",
        },
    ),
    (
        "Our son has epilepsy and went to respite on Friday. They sent him home on Sunday and his rescue meds "
        "had not been packed and he had a seizure there. Nobody phoned us, we found out from the log book.",
        {
            "incident_type": "medication_error",
            "service_area": "disabled_children",
            "outcome": "moderate_harm",
            "contributory_factors": ["communication_information_sharing", "policy_and_procedures"],
            "recovery_factor": "child_or_family_raised",
            "immediate_risk": False,
            "reporter_role": "parent",
        },
    ),
    (
        "We adopted our daughter 4 years ago. We asked for post adoption support in January when her behaviour "
        "became violent. It is now October and we have not even had an assessment. We are at breaking point.",
        {
            "incident_type": "delayed_response",
            "service_area": "adoption",
            "outcome": "low_harm",
            "contributory_factors": ["environment_and_resources", "workload_and_staffing"],
            "recovery_factor": "child_or_family_raised",
            "immediate_risk": False,
            "reporter_role": "parent",
        },
    ),
    (
        "I have asked for help three times with my sons behaviour and the school keep sending him home. The "
        "family worker left and nobody replaced her. We have been left with nothing.",
        {
            "incident_type": "delayed_response",
            "service_area": "early_help",
            "outcome": "low_harm",
            "contributory_factors": ["workload_and_staffing", "transitions_and_handover"],
            "recovery_factor": "child_or_family_raised",
            "immediate_risk": False,
            "reporter_role": "parent",
        },
    ),
    (
        "The letter about my children's case went to my old address where my ex still lives. Now he knows about "
        "the court hearing. I told them I had moved months ago.",
        {
            "incident_type": "wrong_person_or_record",
            "service_area": "child_protection",
            "outcome": "no_harm",
            "contributory_factors": ["recording_and_systems"],
            "recovery_factor": "child_or_family_raised",
            "immediate_risk": False,
            "reporter_role": "parent",
        },
    ),
    (
        "The social worker came round and talked to me on the doorstep for 5 minutes. She never came in and "
        "never spoke to my daughter. Then the report says she saw her and she was fine.",
        {
            "incident_type": "missed_visit_or_contact",
            "service_area": "child_in_need",
            "outcome": "no_harm",
            "contributory_factors": ["voice_of_child", "professional_curiosity"],
            "recovery_factor": "child_or_family_raised",
            "immediate_risk": False,
            "reporter_role": "parent",
        },
    ),
    (
        "the home hasnt reported me missing even tho i was out all night last weekend. they just said where were "
        "u. nobody asked who i was with",
        {
            "incident_type": "child_missing",
            "service_area": "residential",
            "outcome": "no_harm",
            "contributory_factors": ["policy_and_procedures", "professional_curiosity"],
            "recovery_factor": "other",
            "immediate_risk": False,
            "reporter_role": "young_person",
        },
    ),
    (
        "my friend from the home has been gone since yesterday and shes with them older lads again. staff rang "
        "police but nobody came and her phone is off. i dont know where she is right now",
        {
            "incident_type": "child_missing",
            "service_area": "residential",
            "outcome": "unknown",
            "contributory_factors": ["multi_agency_working", "policy_and_procedures"],
            "recovery_factor": "other",
            "immediate_risk": True,
            "reporter_role": "young_person",
        },
    ),
    (
        "i turned 18 and had to leave my foster home cos staying put wasnt funded. now im in a b&b with grown men "
        "and one of them keeps knocking on my door at night",
        {
            "incident_type": "placement_issue",
            "service_area": "care_leavers",
            "outcome": "low_harm",
            "contributory_factors": ["environment_and_resources", "transitions_and_handover"],
            "recovery_factor": "other",
            "immediate_risk": False,
            "reporter_role": "young_person",
        },
    ),
    (
        "nobody told the school i was in care so they kept ringing my dad about parents evening. he turned up "
        "and i had to leave through the back",
        {
            "incident_type": "information_not_shared",
            "service_area": "looked_after",
            "outcome": "low_harm",
            "contributory_factors": ["communication_information_sharing", "multi_agency_working"],
            "recovery_factor": "chance",
            "immediate_risk": False,
            "reporter_role": "young_person",
        },
    ),
    (
        "The court report had my daughter's name mixed up with another family and said she had been excluded "
        "from school which is not true. It was only changed because our solicitor noticed.",
        {
            "incident_type": "recording_error",
            "service_area": "child_protection",
            "outcome": "no_harm",
            "contributory_factors": ["recording_and_systems", "supervision_and_oversight"],
            "recovery_factor": "partner_challenge",
            "immediate_risk": False,
            "reporter_role": "parent",
        },
    ),
]

CASUAL = [
    (r"\bI am\b", "im"),
    (r"\bdo not\b", "dont"),
    (r"\bdid not\b", "didnt"),
    (r"\bbecause\b", "cos"),
    (r"\byou\b", "u"),
    (r"\bthe child\b", "my kid"),
    (r"\bthe young person\b", "me"),
]


def casualise(text: str) -> str:
    """Lower-case, text-speak register used for some young-person and parent reports."""
    out = text.lower()
    for pattern, repl in CASUAL:
        out = re.sub(pattern, repl, out, flags=re.IGNORECASE)
    return out.replace(";", "").replace(",", "")


def _fill(text: str, child: str, poss: str) -> str:
    text = text.replace("{c}'s", f"{child}'s").replace("{c}", child).replace("{p}", poss)
    return text[0].upper() + text[1:] if text else text


OUTCOME_WEIGHTS = {
    "near_miss": 20,
    "no_harm": 30,
    "low_harm": 25,
    "moderate_harm": 9,
    "severe_harm": 6,
    "death": 3,
    "unknown": 7,
}


def compose(n_per_event: int = 5, seed: int = 7) -> list[dict[str, Any]]:
    rng = random.Random(seed)
    records: list[dict[str, Any]] = []
    outcome_ids = list(OUTCOME_WEIGHTS)
    weights = list(OUTCOME_WEIGHTS.values())
    recovery_ids = list(RECOVERY_SENTENCES)
    factor_ids = list(FACTOR_SENTENCES)
    counter = 0
    for itype, core, areas, factors in EVENTS:
        for k in range(n_per_event):
            counter += 1
            area = areas[k % len(areas)]
            role = rng.choice(ROLES_BY_AREA[area])
            child, poss = rng.choice(CHILD_REFS)
            outcome = "death" if "died" in core else rng.choices(outcome_ids, weights)[0]
            if outcome == "death" and itype != "other" and rng.random() < 0.7:
                outcome = "severe_harm"
            recovery = recovery_ids[(counter * 3 + k) % len(recovery_ids)]
            chosen = list(factors[: rng.randint(1, len(factors))])
            if rng.random() < 0.5:
                extra = rng.choice(factor_ids)
                if extra not in chosen:
                    chosen.append(extra)
            risk_roll = rng.random()
            at_risk = risk_roll < 0.17 and outcome not in ("death", "near_miss")
            resolved = not at_risk and risk_roll > 0.8
            parts: list[str] = []
            opening = rng.choice(OPENINGS[role])
            if opening:
                parts.append(opening)
            if rng.random() < 0.8:
                parts.append(rng.choice(AREA_SETTINGS[area]))
            parts.append(core)
            for f in chosen:
                parts.append(rng.choice(FACTOR_SENTENCES[f]))
            if outcome == "near_miss" or rng.random() < 0.5:
                parts.append(rng.choice(RECOVERY_SENTENCES[recovery]))
            parts.append(rng.choice(OUTCOME_SENTENCES[outcome]))
            if at_risk:
                parts.append(rng.choice(RISK_NOW))
            elif resolved:
                parts.append(rng.choice(RISK_RESOLVED))
            closing = rng.choice(CLOSINGS)
            if closing:
                parts.append(closing)
            order = parts[:1] + parts[1:] if rng.random() < 0.7 else [*parts[1:3], parts[0], *parts[3:]]
            text = " ".join(_fill(p, child, poss) for p in order)
            if role in ("young_person", "parent") and rng.random() < 0.6:
                text = casualise(text)
            records.append(
                {
                    "id": f"seed-{counter:04d}",
                    "text": text,
                    "labels": {
                        "outcome": outcome,
                        "incident_type": itype,
                        "service_area": area,
                        "contributory_factors": chosen,
                        "recovery_factor": recovery,
                        "immediate_risk": at_risk,
                        "reporter_role": role,
                    },
                }
            )
    for i, (text, labels) in enumerate(HANDWRITTEN, 1):
        records.append({"id": f"seed-hw-{i:03d}", "text": text, "labels": labels})
    return records


def render(records: list[dict[str, Any]]) -> str:
    """The JSON Lines text of the seed file: one record a line, UTF-8 kept as is."""
    return "".join(json.dumps(rec, ensure_ascii=False) + "\n" for rec in records)


def write(path: Path = SEED_PATH) -> int:
    records = compose()
    path.write_text(render(records), encoding="utf-8")
    return len(records)
