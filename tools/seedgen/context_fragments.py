"""Hand-written context fragments (settings, causes, recovery, outcome, risk) for :mod:`.compose`."""

from __future__ import annotations

AREA_SETTINGS: dict[str, list[str]] = {
    "front_door": [
        "This came in through the MASH as a contact from the police.",
        "I work on the front door screening team.",
        "The contact was screened at the front door by the duty social worker.",
        "Referral received into the multi-agency safeguarding hub.",
    ],
    "early_help": [
        "The family were open to early help with a family support worker.",
        "I am the early help practitioner for this family, below the threshold for statutory services.",
        "We were supporting the family through an early help plan and team around the family meetings.",
    ],
    "assessment": [
        "The case was open for a child and family assessment.",
        "I was completing the single assessment within the 45 working day timescale.",
        "This was during a pre-birth assessment on the assessment team.",
    ],
    "child_in_need": [
        "The children are on a child in need plan under section 17.",
        "I am the allocated worker for a child in need case.",
        "At the child in need review the plan was stepped down from CIN to early help.",
    ],
    "child_protection": [
        "The children are subject to a child protection plan under the category of neglect.",
        "This followed a section 47 enquiry and an initial child protection conference.",
        "I am chairing the review child protection conference for this family.",
        "The family are in pre-proceedings under the public law outline.",
    ],
    "looked_after": [
        "{c} is a child in care on a full care order.",
        "At the looked after review (LAC review) the IRO raised this.",
        "The child is looked after under section 20 and the care plan is long term fostering.",
    ],
    "fostering": [
        "I am a foster carer and {c} has been placed with us for eight months.",
        "As the supervising social worker for the foster carers I was told about this.",
        "The fostering household is approved for two children.",
    ],
    "adoption": [
        "We are adoptive parents and our child was placed with us three years ago.",
        "This happened during the adoption matching and introductions.",
        "I work in the regional adoption agency on post-adoption support.",
    ],
    "residential": [
        "I work in a children's home as a residential support worker.",
        "As the registered manager of the children's home I am reporting this.",
        "On the late shift at the home there were three young people in.",
    ],
    "care_leavers": [
        "I am the personal adviser for a care leaver aged 19.",
        "The young person is a care leaver and left care at 18.",
        "Leaving care team: the pathway plan review was due this month.",
    ],
    "disabled_children": [
        "{c} has autism and a learning disability and goes to short breaks every other weekend.",
        "The child is open to the disabled children's team and is non-verbal.",
        "This happened at the overnight short break unit for disabled children.",
    ],
    "out_of_hours": [
        "Emergency duty team, Saturday night shift.",
        "This was an out of hours call to EDT at about 2am.",
        "I was the out of hours duty social worker covering the weekend.",
    ],
}

FACTOR_SENTENCES: dict[str, list[str]] = {
    "communication_information_sharing": [
        "The message was never passed on.",
        "Nobody told the right people and the information got lost between us.",
        "The email was sent but not read, and nobody phoned to check it had arrived.",
    ],
    "multi_agency_working": [
        "Police, health and school were not at the strategy meeting and it was unclear which agency was leading.",
        "Each agency assumed another one was taking the lead.",
        "Partner agencies were not invited to the meeting.",
    ],
    "assessment_and_planning": [
        "The risks had not been properly assessed and the plan was out of date.",
        "The plan did not reflect what had changed in the family.",
        "There was no contingency plan for what to do if things went wrong.",
    ],
    "voice_of_child": [
        "Nobody asked {c} what they wanted or how they felt.",
        "{c} had been telling us for weeks but was not listened to.",
        "{c} uses signs to communicate and nobody who could understand them was there.",
    ],
    "professional_curiosity": [
        "What the parents said was accepted at face value and nobody asked further questions.",
        "There were warning signs that were not explored.",
        "Mum's explanation was accepted without checking it with anyone else.",
    ],
    "workload_and_staffing": [
        "The team is carrying several vacancies and I have 28 cases.",
        "The worker was off sick and the case was covered by agency staff.",
        "We were short staffed that week with two people on leave.",
    ],
    "supervision_and_oversight": [
        "The case had not been discussed in supervision for three months.",
        "There was no management oversight of the decision.",
        "The manager signed it off without reading it.",
    ],
    "recording_and_systems": [
        "The case management system did not flag the alert.",
        "The records were incomplete and the form did not have a field for it.",
        "The system would not let us save it so it went on a paper note that got lost.",
    ],
    "policy_and_procedures": [
        "The procedure was not followed.",
        "Nobody was clear what the policy says should happen, and the threshold document is unclear.",
        "The guidance was out of date and conflicted with the local procedures.",
    ],
    "training_and_experience": [
        "The worker was newly qualified and had not been trained on this.",
        "Staff had not had the training and did not know what to do.",
        "It was their first week in the role.",
    ],
    "transitions_and_handover": [
        "It happened at the handover between workers when the case transferred.",
        "The handover between shifts missed it.",
        "The case moved from the assessment team to the long term team and it got dropped.",
    ],
    "family_factors": [
        "Dad was hostile and aggressive and refused to let workers in.",
        "The family did not engage and cancelled appointments.",
        "Mum's mental health and drinking made everything more complicated.",
    ],
    "environment_and_resources": [
        "There were no placements available anywhere in the region.",
        "There was no interpreter, no car and no room available.",
        "The funding for the service had been cut and there was a long waiting list.",
    ],
}

RECOVERY_SENTENCES: dict[str, list[str]] = {
    "colleague_check": [
        "A colleague noticed it when checking the file and flagged it.",
        "Another member of staff double-checked and spotted the problem.",
    ],
    "supervision": [
        "It was picked up in supervision when my manager reviewed the case.",
        "The team manager spotted it during a case audit.",
    ],
    "partner_challenge": [
        "The school challenged the decision and escalated it.",
        "The health visitor rang to check and raised a challenge.",
        "The police officer queried it and rang us back.",
    ],
    "child_or_family_raised": [
        "{c} told us themselves that something was wrong.",
        "Mum rang up and complained, which is how we found out.",
    ],
    "system_prompt": [
        "The system flagged an overdue alert.",
        "An automatic reminder on the case management system flagged it.",
    ],
    "chance": [
        "It was only found by chance.",
        "We were lucky: someone happened to see it.",
    ],
    "other": [
        "It came to light at a later meeting.",
        "It was raised during an unrelated review.",
    ],
}

OUTCOME_SENTENCES: dict[str, list[str]] = {
    "near_miss": [
        "It was caught before it reached the child, so nothing happened, but it could have.",
        "This was a near miss; it was spotted in time and the child was not affected.",
        "It was stopped before it happened.",
    ],
    "no_harm": [
        "{c} was fine and no harm was caused.",
        "Thankfully there was no harm to {c}.",
        "{c} is safe and well and was not hurt.",
    ],
    "low_harm": [
        "{c} was upset for a few days but has settled.",
        "{c} was distressed and had a minor injury that needed no treatment.",
        "There was some short-lived upset.",
    ],
    "moderate_harm": [
        "{c} ended up in hospital overnight and is still very distressed.",
        "{c} lost their school place and it needed a lot of extra work to put right.",
        "The family lost their tenancy and the risk to {c} increased significantly.",
    ],
    "severe_harm": [
        "{c} was seriously injured and was admitted to intensive care.",
        "{c} was sexually exploited and seriously hurt.",
        "{c} suffered serious harm and may have lasting effects.",
    ],
    "death": [
        "Sadly {c} died.",
        "The young person was found dead.",
    ],
    "unknown": [
        "We do not yet know what the impact has been.",
        "It is too early to say whether there has been any harm.",
    ],
}

RISK_NOW: list[str] = [
    "{c} is still missing tonight and the police have not responded.",
    "{c} is still living with the person they made the allegation against and nobody has acted.",
    "Nobody has rung back and {c} is at home with him right now.",
    "{c} told me they plan to kill themselves tonight and I cannot reach anyone.",
    "{c} has not been seen since yesterday and is believed to be with adult men who are exploiting them; "
    "we do not know where they are.",
    "The perpetrator now knows the address and was outside the house last night. Nobody has done anything yet.",
    "{c} is going back to the placement tonight and no strategy discussion has happened.",
    "I am worried {c} is in danger right now and the duty line is going to voicemail.",
    "{c} is due to be collected by the man tonight and nobody has called the police.",
    "{c} has fresh self-harm cuts and said they have tablets saved up; no one has seen them since.",
]

RISK_RESOLVED: list[str] = [
    "{c} was found safe and well the same evening and a return home interview is booked.",
    "The police attended straight away and {c} is now safe with family.",
    "The allegation was referred to the LADO the same day and the carer has been suspended.",
    "This has already been dealt with and a safety plan is in place.",
    "{c} went missing last year but has not gone missing since.",
    "{c} is no longer at risk and the concern has been addressed.",
]

CHILD_REFS: list[tuple[str, str]] = [
    ("the child", "their"),
    ("the young person", "their"),
    ("YP", "their"),
    ("a 14 year old girl", "her"),
    ("the boy (9)", "his"),
    ("the baby", "their"),
    ("a 16 year old", "their"),
    ("the girl", "her"),
    ("Child A", "their"),
    ("the 7 year old", "their"),
    ("the teenager", "their"),
]

OPENINGS: dict[str, list[str]] = {
    "social_worker": ["I am the allocated social worker.", "Social worker reporting.", ""],
    "team_manager": [
        "I am the team manager and want this reviewed as a learning incident.",
        "Reporting as service manager for learning.",
    ],
    "residential_worker": ["Residential worker here, writing this after my shift.", "On shift at the home."],
    "foster_carer": ["We are foster carers.", "I'm a foster carer and I want to report this."],
    "iro": ["I am the IRO for this child.", "As the independent reviewing officer I am raising a concern."],
    "family_support_worker": ["Family support worker.", "I supervise contact and family time."],
    "young_person": [""],
    "parent": [""],
    "other_professional": [
        "I am the DSL at the school.",
        "School nurse here.",
        "I am the health visitor.",
        "Personal adviser reporting.",
    ],
}

CLOSINGS: list[str] = [
    "I am reporting this so we can learn from it.",
    "Please can this be looked at.",
    "I think we need to change how we do this.",
    "",
    "",
    "Suggest this goes to the learning panel.",
]
