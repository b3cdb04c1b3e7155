"""Demo narratives for `safelearn demo`: written for SafeLearn, every person and place invented."""

from __future__ import annotations

# (what happened, how it was noticed or stopped, why it may have happened, incident_type, service_area,
#  outcome, contributory factors, recovery factor)
DEMO_REPORTS: list[tuple[str, str, str, str, str, str, list[str], str]] = [
    ("The strategy discussion for a 4 year old was booked but health were never invited, so the GP's concerns about "
     "weight loss were not heard until the day after.", "The health visitor rang duty when she saw the outcome letter.",
     "The invite list in the system defaults to police and education only.", "information_not_shared",
     "child_protection", "near_miss", ["communication_information_sharing", "recording_and_systems"], "partner_challenge"),
    ("A 15 year old in residential care was given her evening medication twice because the handover sheet "
     "was not updated after the early dose.", "She said she had already had her tablets and the senior checked the MAR chart.",
     "Two staff on shift were agency and the handover was rushed because of a staffing gap.", "medication_error",
     "residential", "no_harm", ["transitions_and_handover", "workload_and_staffing"], "child_or_family_raised"),
    ("Contact was arranged at the family centre with the father present although the plan said supervised contact "
     "with mother only.", "The contact supervisor checked the plan before letting him in.",
     "The plan on file was out of date after the last review.", "contact_arrangement_error", "looked_after",
     "near_miss", ["recording_and_systems", "assessment_and_planning"], "colleague_check"),
    ("A care leaver's pathway plan review was missed twice when his personal adviser left and the case sat unallocated "
     "for six weeks.", "He emailed the team manager saying nobody was answering.",
     "No process for reallocating cases when a personal adviser leaves at short notice.", "missed_visit_or_contact",
     "care_leavers", "low_harm", ["workload_and_staffing", "transitions_and_handover"], "child_or_family_raised"),
    ("The foster carers' home address was included in a letter sent to the birth parents.",
     "The admin officer noticed before the second copy was posted and the first was retrieved.",
     "The letter template pulls the placement address automatically.", "confidentiality_breach", "fostering",
     "near_miss", ["recording_and_systems", "policy_and_procedures"], "colleague_check"),
    ("A referral from school about bruising sat in the front door inbox over a bank holiday weekend.",
     "The school DSL phoned on Tuesday to chase it.", "Nobody was covering the shared inbox on the bank holiday.",
     "referral_not_actioned", "front_door", "no_harm", ["workload_and_staffing", "policy_and_procedures"],
     "partner_challenge"),
    ("A 13 year old went missing from placement overnight and the return home interview was not offered for a week.",
     "The IRO asked about it at the review.", "Return home interviews are commissioned out and the referral was not sent.",
     "child_missing", "looked_after", "low_harm", ["multi_agency_working", "policy_and_procedures"], "supervision"),
    ("A disabled child was left on the transport bus after the other children got off at the short-break unit.",
     "The driver checked the bus before leaving the depot.", "The escort was off sick and no replacement was booked.",
     "transport_or_supervision_lapse", "disabled_children", "near_miss",
     ["environment_and_resources", "workload_and_staffing"], "colleague_check"),
    ("The final evidence for care proceedings was nearly filed late because the court date was only in one worker's calendar.",
     "The legal team's reminder flagged it two days before.", "Court dates are not recorded on the case record.",
     "legal_or_court_deadline", "child_protection", "near_miss", ["recording_and_systems"], "system_prompt"),
    ("An allegation against a residential worker was dealt with as a complaint rather than referred to the LADO.",
     "The registered manager spotted it in supervision.", "New staff had not had allegation management training.",
     "allegation_management", "residential", "no_harm", ["training_and_experience", "policy_and_procedures"],
     "supervision"),
    ("Notes from a home visit were recorded on the wrong sibling's file.", "Mum saw it when she was given a copy of the plan.",
     "Siblings' records look identical in the case system.", "wrong_person_or_record", "child_in_need", "low_harm",
     ["recording_and_systems"], "child_or_family_raised"),
    ("The pre-birth assessment was not started until 34 weeks although the referral came in at 20 weeks.",
     "The midwife challenged the delay at the core group.", "Vacancies in the assessment team meant no allocation.",
     "delayed_response", "assessment", "near_miss", ["workload_and_staffing", "assessment_and_planning"],
     "partner_challenge"),
    ("Out of hours placed a 16 year old in a hotel because no placement could be found, with no check on the staff.",
     "The day team moved him the next morning.", "There are not enough emergency placements for older teenagers.",
     "placement_issue", "out_of_hours", "low_harm", ["environment_and_resources"], "colleague_check"),
    ("The adoption support plan did not mention the child's life-story work that had been promised.",
     "The adoptive parents asked about it.", "The plan template has no prompt for it.", "assessment_or_plan_deficit",
     "adoption", "no_harm", ["assessment_and_planning", "recording_and_systems"], "child_or_family_raised"),
    ("Good practice: an early help worker noticed a younger sibling had not been seen at any visit and arranged to see "
     "all the children.", "", "Supervision encouraged curiosity about every child in the household.", "other",
     "early_help", "no_harm", ["professional_curiosity", "voice_of_child"], "supervision"),
]

DEMO_PEOPLE_TEXT = (
    "Leah Marsh (7) told her teacher at Brookfield Primary on 3 March that her stepdad had hit her. "
    "Her mum Kerry Marsh lives at 14 Cedar Road, NB4 7QT, phone 07700 900123."
)
