"""Generator of "confirmed" reports in one organisation's own style, for the learning-curve benchmark.

Deliberately NOT the seed generator (tools/seedgen/): terse case-note style, local
abbreviations (SW, YP, CiC, IRO, PA, FC, EDT), made-up local team and system names ("Team Rowan", "Hollins
Lodge", "CareFile"), sentence order shuffled, distractor sentences that mention another category's words,
skewed class frequencies and a share of label noise (reviewers do not always agree). Labels are taxonomy ids
for incident_type, service_area and outcome.

Honest limit: the benchmark's training pools and its held-out test set both come from this one generator,
so a model can learn its templates (the training pools never use the last phrasing of each category; the
test set does, softening but not removing this); the curve shows how fast confirmed data takes over from the seeds, not
accuracy on real reports.
"""

from __future__ import annotations

import random
from typing import Any

CHILD = ["YP", "the child", "the young person", "C", "the baby", "the sibling group", "the teenager", "the boy"]
WORKER = ["SW", "the duty SW", "the allocated worker", "the PA", "the FC", "the keyworker", "the IRO", "the TM"]
DAY = ["on Mon", "on Tues", "over the w/e", "last night", "this am", "on Friday pm", "during the half-term"]

# incident_type -> phrasings; {c} child, {w} worker, {d} day.
EVENTS: dict[str, list[str]] = {
    "information_not_shared": [
        "Police PPN re DA at home not forwarded to {w}, sat in team inbox {d}",
        "School had disclosed concerns but this never reached {w}",
        "Health visitor info about {c} not passed across, {w} unaware at strat",
        "Partner agency update on CareFile not shared with the network",
    ],
    "delayed_response": [
        "Concern logged {d} but nobody picked it up for 5 working days",
        "Request for a strat disc acted on a week late",
        "Call from mum about {c} returned 3 days later",
        "Change of circs flagged but response was slow, {w} on leave and no cover",
    ],
    "missed_visit_or_contact": [
        "Stat visit to {c} out of timescale, last seen 9 wks ago",
        "{w} did not attend planned home visit {d}",
        "Core group mtg did not go ahead and {c} not seen alone",
        "Visit cancelled twice, no one saw {c} in the period",
    ],
    "referral_not_actioned": [
        "Referral from GP about {c} not screened, still open on the CareFile tray",
        "Contact from school {d} closed with no action and no NFA reason",
        "Re-referral about {c} not progressed to assessment",
        "Referral form received but never allocated for screening",
    ],
    "assessment_or_plan_deficit": [
        "C&F assessment for {c} out of date, plan not reviewed",
        "Safety plan not followed {d}, actions never completed",
        "Plan for {c} had no contingency and was not updated after the incident",
        "Assessment missed dad completely, no view of his risk",
    ],
    "wrong_person_or_record": [
        "Letter sent to the wrong family, had another child's name on it",
        "Case note for {c} saved onto sibling's file by {w}",
        "Decision recorded against the wrong carer on CareFile",
        "Two children with the same surname mixed up at the meeting",
    ],
    "confidentiality_breach": [
        "Email with {c}'s address sent to the wider family by mistake",
        "{w} left the case file open on a laptop in the public library",
        "Minutes shared with dad's new partner who had no right to see them",
        "Placement address disclosed to birth family on the phone {d}",
    ],
    "child_missing": [
        "{c} went missing from home {d}, not reported to police until the next day",
        "Missing episode for {c}, RHI not offered",
        "{c} absent overnight, whereabouts unknown until am",
        "{c} ran off from the placement and was found by police at 2am",
    ],
    "placement_issue": [
        "Emergency placement for {c} made with no matching and broke down in 48 hrs",
        "{c} placed in unregistered accommodation {d}",
        "Placement ended at short notice, {c} moved for the 4th time this year",
        "Bed at Hollins Lodge given without {c}'s views being sought",
    ],
    "contact_arrangement_error": [
        "Family time went ahead unsupervised although it should have been supervised",
        "Wrong adult turned up for contact with {c}",
        "Contact arranged with dad despite the court order saying no",
        "Family time venue changed and mum told the new address in front of {c}",
    ],
    "medication_error": [
        "{c} given a double dose of meds {d} at the home",
        "Evening meds missed, MAR chart not signed",
        "{c}'s inhaler not packed for the respite stay",
        "Wrong tablet given to {c}, belonged to another YP",
    ],
    "transport_or_supervision_lapse": [
        "{c} left alone in the car while {w} went into the office",
        "Taxi firm collected {c} without an escort",
        "{c} collected from school by an adult not on the list",
        "Supervision ratio not kept on the trip, {c} wandered off",
    ],
    "legal_or_court_deadline": [
        "Final evidence not filed by the court deadline",
        "PLO letter before proceedings issued late",
        "Statement for the hearing {d} not ready, adjournment needed",
        "Review of the care order timescale nearly missed",
    ],
    "allegation_management": [
        "Allegation against the FC not referred to the LADO",
        "Concern about a member of staff handled informally, no strat",
        "{c} made an allegation about a carer and it was not recorded",
        "LADO not told about the complaint about the keyworker",
    ],
    "recording_error": [
        "Case notes for {c} not written up for 3 weeks",
        "Chronology on CareFile missing key events",
        "Visit recorded as done when it had not happened",
        "Strat minutes uploaded to the wrong section of the file",
    ],
    "other": [
        "Something not covered elsewhere, IT outage stopped the team working {d}",
        "General practice issue raised at team meeting",
        "Building fire alarm fault, office evacuated {d}",
        "Issue with the new rota that does not fit any category",
    ],
}

SETTINGS: dict[str, list[str]] = {
    "front_door": ["at the MASH", "Front Door screening team", "duty desk at the Hub", "contact centre triage"],
    "early_help": ["Early Help family worker", "Team Rowan (EH)", "Family Hub support", "TAF meeting"],
    "assessment": ["Assessment Team 2", "during the C&F assessment", "single assessment team", "AT duty"],
    "child_in_need": ["CiN plan", "Child in Need review", "CIN team", "CiN meeting"],
    "child_protection": ["CP plan", "s47 enquiry", "ICPC", "CP conference"],
    "looked_after": ["CiC team", "LAC review", "Children in Care service", "care plan review with the IRO"],
    "fostering": ["foster home", "Fostering Team", "FC's supervising SW", "mainstream foster placement"],
    "adoption": ["adoptive placement", "Adoption Team", "matching panel", "post-adoption support"],
    "residential": ["Hollins Lodge children's home", "the residential unit", "night staff at the home", "res home"],
    "care_leavers": ["Leaving Care team", "PA from Team Willow", "pathway plan", "semi-independent flat"],
    "disabled_children": ["CWD team", "short breaks unit", "respite at Brookside", "Disabled Children's Service"],
    "out_of_hours": ["EDT", "out of hours duty", "EDT SW overnight", "emergency duty team at 3am"],
}

OUTCOMES: dict[str, list[str]] = {
    "near_miss": ["Caught in time, did not reach {c}.", "Spotted before anything happened.", "Picked up by TM first."],
    "no_harm": ["Reached {c} but no harm.", "{c} OK, no impact seen.", "No harm caused, {c} unaware."],
    "low_harm": ["{c} upset for a day, settled.", "Minor distress only.", "Brief upset, no extra support."],
    "moderate_harm": ["{c} needed extra support from CAMHS.", "Risk went up a lot, plan escalated.", "Real harm."],
    "severe_harm": ["{c} admitted to hospital, serious.", "Life-threatening, ambulance called.", "Lasting harm."],
    "death": ["Sadly {c} died; SCR notification made.", "Child death, rapid review called."],
    "unknown": ["Impact not known yet.", "Too early to say if {c} harmed.", "Harm TBC at review."],
}

FILLERS = [
    "Discussed in supervision.",
    "TM aware.",
    "Raised at the weekly huddle.",
    "Logged on CareFile.",
    "Family informed.",
    "Will be picked up at the next audit.",
    "Agency partners updated.",
    "Learning shared with the team.",
]

# Class frequencies are skewed, as in real reporting (a few common types, a long tail).
TYPE_WEIGHTS = {k: w for k, w in zip(EVENTS, [9, 8, 8, 5, 6, 3, 4, 5, 5, 3, 4, 3, 3, 2, 6, 1], strict=True)}
AREA_WEIGHTS = {k: w for k, w in zip(SETTINGS, [6, 4, 5, 5, 7, 8, 5, 2, 5, 4, 3, 3], strict=True)}
OUTCOME_WEIGHTS = {
    "near_miss": 8,
    "no_harm": 9,
    "low_harm": 6,
    "moderate_harm": 4,
    "severe_harm": 2,
    "death": 1,
    "unknown": 3,
}
# Local coding conventions that differ from the seeds' (used with ``conventions=True``): this organisation
# counts distress without extra support as no harm, logs any late reply to a contact as a referral not
# actioned, and runs early help inside its child-in-need teams.
CONVENTIONS = {
    "outcome": {"low_harm": "no_harm"},
    "incident_type": {"delayed_response": "referral_not_actioned"},
    "service_area": {"early_help": "child_in_need"},
}
LABEL_NOISE = 0.07  # share of reports a reviewer coded differently from what the text says


def _pick(rng: random.Random, weights: dict[str, int]) -> str:
    return rng.choices(list(weights), weights=list(weights.values()))[0]


def _fill(rng: random.Random, s: str) -> str:
    return s.format(c=rng.choice(CHILD), w=rng.choice(WORKER), d=rng.choice(DAY))


def generate(n: int, seed: int, *, training: bool = False, conventions: bool = False) -> list[dict[str, Any]]:
    """``n`` labelled reports, deterministic for a given ``seed``.

    ``training=True`` never uses the last phrasing of each event, setting and outcome, so a test set drawn
    with ``training=False`` has about a quarter of its sentences worded in a way no training report was.
    ``conventions=True`` applies :data:`CONVENTIONS` to the labels (the text is unchanged).
    """
    rng = random.Random(seed)

    def choose(options: list[str]) -> str:
        return rng.choice(options[:-1] if training and len(options) > 1 else options)

    out: list[dict[str, Any]] = []
    for i in range(n):
        itype, area, outcome = _pick(rng, TYPE_WEIGHTS), _pick(rng, AREA_WEIGHTS), _pick(rng, OUTCOME_WEIGHTS)
        parts = [
            _fill(rng, choose(EVENTS[itype])) + ".",
            f"{rng.choice(['Team:', 'Service:', 'Setting -', 'Re'])} {choose(SETTINGS[area])}.",
            _fill(rng, choose(OUTCOMES[outcome])),
            *rng.sample(FILLERS, k=rng.randint(0, 2)),
        ]
        if rng.random() < 0.3:  # a distractor: another type's words in passing
            other = rng.choice([t for t in EVENTS if t != itype])
            parts.append("Note previous incident: " + _fill(rng, choose(EVENTS[other])).lower() + ".")
        head, tail = parts[:1], parts[1:]
        rng.shuffle(tail)
        text = " ".join(head + tail) if rng.random() < 0.6 else " ".join(tail[:1] + head + tail[1:])
        if rng.random() < 0.3:
            text = text.upper() if rng.random() < 0.2 else text.lower()
        labels = {"incident_type": itype, "service_area": area, "outcome": outcome}
        if conventions:
            labels = {f: CONVENTIONS[f].get(v, v) for f, v in labels.items()}
        if rng.random() < LABEL_NOISE:
            fld = rng.choice(list(labels))
            pool = {"incident_type": TYPE_WEIGHTS, "service_area": AREA_WEIGHTS, "outcome": OUTCOME_WEIGHTS}[fld]
            labels[fld] = rng.choice([k for k in pool if k != labels[fld]])
        out.append({"id": f"org-{seed}-{i:05d}", "text": text, "labels": labels})
    return out
