"""Hand-written incident fragments used by :mod:`.compose` to compose the packaged seed reports.

Each event is ``(incident_type, text, service_areas, typical_factors)``. ``{c}`` is the child
reference ("the child", "YP", "a 9 year old boy" ...), ``{p}`` a possessive ("his", "her", "their").
"""

from __future__ import annotations

Event = tuple[str, str, tuple[str, ...], tuple[str, ...]]

EVENTS: list[Event] = [
    # information_not_shared
    (
        "information_not_shared",
        "The police notification about a domestic incident at the home was never passed on to the allocated "
        "worker. It sat in a shared inbox and the team only found out when the school mentioned it.",
        ("front_door", "child_protection", "child_in_need"),
        ("communication_information_sharing", "multi_agency_working"),
    ),
    (
        "information_not_shared",
        "The hospital discharged {c} without telling us, even though the discharge plan said children's services "
        "had to be informed first. We heard about it two days later from the health visitor.",
        ("assessment", "child_protection", "disabled_children"),
        ("multi_agency_working", "communication_information_sharing"),
    ),
    (
        "information_not_shared",
        "The risk assessment from the previous placement did not come with {c}, so the new carers did not know "
        "about the history of going missing or the exploitation concerns.",
        ("fostering", "residential", "looked_after"),
        ("communication_information_sharing", "transitions_and_handover"),
    ),
    (
        "information_not_shared",
        "CAMHS had closed the case and written to the GP, but nobody told the social worker, so the plan still "
        "relied on therapy that was no longer happening.",
        ("child_in_need", "looked_after", "early_help"),
        ("multi_agency_working", "communication_information_sharing"),
    ),
    (
        "information_not_shared",
        "The school knew that dad had been released from prison and was back in the area but this was not "
        "shared with children's services, and the safety plan still said he had no contact.",
        ("child_protection", "child_in_need"),
        ("multi_agency_working", "communication_information_sharing", "professional_curiosity"),
    ),
    # delayed_response
    (
        "delayed_response",
        "A concern about bruising on {c} was phoned in on Monday but the strategy discussion did not happen "
        "until Thursday. Three days went by before anyone saw {c}.",
        ("front_door", "child_protection", "assessment"),
        ("workload_and_staffing", "policy_and_procedures"),
    ),
    (
        "delayed_response",
        "The request for an urgent visit after the carer rang to say the placement was at risk was not picked up "
        "for over a week because the duty worker was off sick and nobody covered the inbox.",
        ("fostering", "looked_after", "residential"),
        ("workload_and_staffing", "supervision_and_oversight"),
    ),
    (
        "delayed_response",
        "The out of hours team was called at 11pm about a baby left with a drunk adult, but the call back did "
        "not come until nearly 3am because there was only one worker covering the whole county.",
        ("out_of_hours",),
        ("workload_and_staffing", "environment_and_resources"),
    ),
    (
        "delayed_response",
        "The equipment and adaptations agreed months ago were still not in place, and the family waited for "
        "weeks for a response to their emails asking when the hoist would be fitted.",
        ("disabled_children", "early_help"),
        ("environment_and_resources", "communication_information_sharing"),
    ),
    (
        "delayed_response",
        "Mum asked for help with housing and the threat of eviction and was told someone would ring back. It took "
        "nearly a month, by which time the family had been evicted.",
        ("early_help", "child_in_need", "care_leavers"),
        ("workload_and_staffing", "multi_agency_working"),
    ),
    # missed_visit_or_contact
    (
        "missed_visit_or_contact",
        "The statutory visit to {c} was overdue by five weeks. The visit was cancelled twice and not rebooked, "
        "and {c} had not been seen alone since the last review.",
        ("looked_after", "child_protection", "fostering"),
        ("workload_and_staffing", "voice_of_child", "supervision_and_oversight"),
    ),
    (
        "missed_visit_or_contact",
        "The home visit was done on the doorstep and {c} was not seen because mum said {c} was asleep. The record "
        "says the child was seen but nobody actually saw them.",
        ("child_protection", "child_in_need", "assessment"),
        ("professional_curiosity", "voice_of_child"),
    ),
    (
        "missed_visit_or_contact",
        "The personal adviser had not been in touch with the young person for three months. The pathway plan "
        "said monthly contact, but calls went unanswered and nothing further was tried.",
        ("care_leavers",),
        ("workload_and_staffing", "transitions_and_handover"),
    ),
    (
        "missed_visit_or_contact",
        "The review meeting went ahead without {c}, and the worker never met {c} in person before the plan was "
        "changed. Nobody explained to {c} what was decided.",
        ("looked_after", "disabled_children", "adoption"),
        ("voice_of_child", "policy_and_procedures"),
    ),
    # referral_not_actioned
    (
        "referral_not_actioned",
        "The school made a referral about {c} saying there was no food in the house and {c} was coming in "
        "hungry. It was closed at screening with no further action and nobody rang the school back.",
        ("front_door", "early_help"),
        ("policy_and_procedures", "professional_curiosity", "communication_information_sharing"),
    ),
    (
        "referral_not_actioned",
        "The referral to CAMHS that was agreed at the meeting was never sent. Everybody thought somebody else "
        "was doing it, and {c} has been on no waiting list at all.",
        ("child_in_need", "looked_after", "early_help"),
        ("multi_agency_working", "assessment_and_planning"),
    ),
    (
        "referral_not_actioned",
        "The online referral form was submitted but got stuck in the system and never reached the MASH. The "
        "referrer assumed it was being dealt with.",
        ("front_door",),
        ("recording_and_systems", "communication_information_sharing"),
    ),
    (
        "referral_not_actioned",
        "The request for an early help assessment was logged but not allocated. It was closed after six weeks "
        "as no longer needed without anyone speaking to the family.",
        ("early_help", "front_door"),
        ("workload_and_staffing", "policy_and_procedures"),
    ),
    # assessment_or_plan_deficit
    (
        "assessment_or_plan_deficit",
        "The child protection plan had not been updated since the conference eight months ago. It still named "
        "a school {c} no longer attends and actions that had been completed long ago.",
        ("child_protection", "child_in_need"),
        ("assessment_and_planning", "supervision_and_oversight"),
    ),
    (
        "assessment_or_plan_deficit",
        "The assessment was signed off without speaking to dad or checking the new partner, so the risk "
        "from the partner was never assessed.",
        ("assessment", "child_protection"),
        ("assessment_and_planning", "professional_curiosity"),
    ),
    (
        "assessment_or_plan_deficit",
        "There was no risk assessment or behaviour support plan in place when {c} arrived, so staff did not "
        "know what the triggers were or how to keep {c} safe.",
        ("residential", "disabled_children", "fostering"),
        ("assessment_and_planning", "policy_and_procedures"),
    ),
    (
        "assessment_or_plan_deficit",
        "The pathway plan was out of date and did not mention the young person's debts or mental health, so "
        "nothing was put in place before they moved out.",
        ("care_leavers",),
        ("assessment_and_planning", "transitions_and_handover"),
    ),
    (
        "assessment_or_plan_deficit",
        "The adoption support plan was never completed, so when things started going wrong at home there was no "
        "agreed support and the family did not know who to call.",
        ("adoption",),
        ("assessment_and_planning", "environment_and_resources"),
    ),
    # wrong_person_or_record
    (
        "wrong_person_or_record",
        "The case note about {c} was saved on the sibling's file, and the wrong child's details were used in the "
        "court statement.",
        ("child_protection", "looked_after", "assessment"),
        ("recording_and_systems", "supervision_and_oversight"),
    ),
    (
        "wrong_person_or_record",
        "Two families with the same surname were merged on the system, so the checks came back showing a "
        "history that belonged to a different family.",
        ("front_door", "assessment"),
        ("recording_and_systems",),
    ),
    (
        "wrong_person_or_record",
        "A letter about {c} went to the wrong address, an old one on the system that had never been updated.",
        ("child_in_need", "early_help", "care_leavers"),
        ("recording_and_systems", "communication_information_sharing"),
    ),
    (
        "wrong_person_or_record",
        "The carer was given the medication chart and care plan for a different child in the home with a "
        "similar name, and only spotted it because the date of birth did not match.",
        ("residential", "disabled_children", "fostering"),
        ("recording_and_systems", "training_and_experience"),
    ),
    # confidentiality_breach
    (
        "confidentiality_breach",
        "The foster carers' address was left unredacted in the report sent to the birth parents before the "
        "hearing. The birth family now know where {c} lives.",
        ("fostering", "looked_after", "child_protection"),
        ("policy_and_procedures", "recording_and_systems"),
    ),
    (
        "confidentiality_breach",
        "An email containing the minutes, including details of the domestic abuse and the refuge, was sent to "
        "the wrong recipient because autocomplete picked the wrong name.",
        ("child_protection", "assessment", "front_door"),
        ("recording_and_systems", "training_and_experience"),
    ),
    (
        "confidentiality_breach",
        "The adopters' surname and the name of the new school were shared with the birth mother in a letterbox "
        "letter that had not been checked.",
        ("adoption",),
        ("policy_and_procedures", "supervision_and_oversight"),
    ),
    (
        "confidentiality_breach",
        "A member of staff talked about {c}'s history in front of other young people and it was posted on "
        "social media the same night.",
        ("residential", "care_leavers"),
        ("training_and_experience", "policy_and_procedures"),
    ),
    # child_missing
    (
        "child_missing",
        "{c} went missing from the placement after school and did not come back. The missing from care "
        "procedure was not followed properly and the police were not called until the next morning.",
        ("residential", "fostering", "looked_after"),
        ("policy_and_procedures", "training_and_experience"),
    ),
    (
        "child_missing",
        "{c} has gone missing again and was found miles away in another town with older males. There was no "
        "return home interview offered after the last three missing episodes.",
        ("looked_after", "residential", "child_protection"),
        ("multi_agency_working", "policy_and_procedures"),
    ),
    (
        "child_missing",
        "On a day trip {c} wandered off and was missing for about forty minutes before being found by a member of "
        "the public near the main road.",
        ("disabled_children", "residential", "fostering"),
        ("environment_and_resources", "assessment_and_planning"),
    ),
    (
        "child_missing",
        "{c} was absent from home overnight and the family did not report it until the school raised it. "
        "Nobody knows where {c} stayed.",
        ("child_in_need", "early_help", "child_protection"),
        ("family_factors", "professional_curiosity"),
    ),
    # placement_issue
    (
        "placement_issue",
        "{c} was placed in an unregistered placement because no registered placement could be found, with "
        "agency staff who did not know the care plan.",
        ("looked_after", "residential"),
        ("environment_and_resources", "policy_and_procedures"),
    ),
    (
        "placement_issue",
        "The placement broke down with no notice and {c} spent the night in the office before an emergency "
        "placement was found forty miles away.",
        ("looked_after", "fostering", "out_of_hours"),
        ("environment_and_resources", "assessment_and_planning"),
    ),
    (
        "placement_issue",
        "The young person was placed in a B&B on turning 18 as there was no suitable supported accommodation, "
        "sharing a bathroom with adults.",
        ("care_leavers",),
        ("environment_and_resources", "transitions_and_handover"),
    ),
    (
        "placement_issue",
        "The foster carers were matched with a child whose needs they had said at panel they could not meet. "
        "The matching information left out the most important concerns.",
        ("fostering", "adoption"),
        ("assessment_and_planning", "communication_information_sharing"),
    ),
    # contact_arrangement_error
    (
        "contact_arrangement_error",
        "Family time was supposed to be supervised but the booking said unsupervised, so {c} spent two hours "
        "alone with dad in the park.",
        ("looked_after", "child_protection", "fostering"),
        ("recording_and_systems", "communication_information_sharing"),
    ),
    (
        "contact_arrangement_error",
        "An uncle who is not approved for contact turned up to the family centre session and was let in "
        "because the contact worker had not been told who was allowed.",
        ("looked_after", "child_protection"),
        ("communication_information_sharing", "transitions_and_handover"),
    ),
    (
        "contact_arrangement_error",
        "Contact was cancelled without anyone telling {c}, who waited at the contact centre for over an hour "
        "and was very upset.",
        ("looked_after", "fostering", "adoption"),
        ("communication_information_sharing", "voice_of_child"),
    ),
    (
        "contact_arrangement_error",
        "The contact was booked at a venue near the birth family's home, against the plan, and mum's partner "
        "saw {c} arrive and followed the car.",
        ("looked_after", "adoption", "fostering"),
        ("assessment_and_planning", "policy_and_procedures"),
    ),
    # medication_error
    (
        "medication_error",
        "{c} was given a double dose of the evening medication because the first dose was not signed on the MAR "
        "chart and the next shift gave it again.",
        ("residential", "disabled_children"),
        ("recording_and_systems", "transitions_and_handover"),
    ),
    (
        "medication_error",
        "The epilepsy rescue medication was not packed for the short break, so there was none available when "
        "{c} had a seizure.",
        ("disabled_children", "fostering"),
        ("policy_and_procedures", "communication_information_sharing"),
    ),
    (
        "medication_error",
        "{c} missed three days of medication because the prescription was not renewed after moving placement "
        "and the GP details were wrong.",
        ("fostering", "looked_after", "residential"),
        ("transitions_and_handover", "recording_and_systems"),
    ),
    (
        "medication_error",
        "Medication was found unlocked in the kitchen and a tablet count showed some tablets were missing.",
        ("residential", "fostering"),
        ("policy_and_procedures", "environment_and_resources"),
    ),
    # transport_or_supervision_lapse
    (
        "transport_or_supervision_lapse",
        "The taxi driver had not been DBS checked and there was no escort, even though the plan said {c} must "
        "always travel with an escort.",
        ("disabled_children", "looked_after"),
        ("policy_and_procedures", "environment_and_resources"),
    ),
    (
        "transport_or_supervision_lapse",
        "{c} was collected from school by an adult who was not on the list, because the school was told on the "
        "phone that it was fine.",
        ("child_protection", "fostering", "early_help"),
        ("communication_information_sharing", "policy_and_procedures"),
    ),
    (
        "transport_or_supervision_lapse",
        "Staffing ratios were not met on the night shift, with one member of staff left alone with four young "
        "people, and {c} was left unsupervised in the bath.",
        ("residential", "disabled_children"),
        ("workload_and_staffing", "environment_and_resources"),
    ),
    (
        "transport_or_supervision_lapse",
        "{c} was left waiting alone outside the respite unit when the transport dropped off early and nobody "
        "was there to meet them.",
        ("disabled_children",),
        ("communication_information_sharing", "environment_and_resources"),
    ),
    # legal_or_court_deadline
    (
        "legal_or_court_deadline",
        "The final evidence for the care proceedings was not filed by the court deadline, and the hearing was "
        "adjourned. The judge criticised the local authority.",
        ("child_protection", "looked_after"),
        ("workload_and_staffing", "supervision_and_oversight"),
    ),
    (
        "legal_or_court_deadline",
        "The section 20 agreement had lapsed and nobody noticed, so {c} was accommodated for weeks without "
        "valid consent or legal authority.",
        ("looked_after",),
        ("policy_and_procedures", "supervision_and_oversight"),
    ),
    (
        "legal_or_court_deadline",
        "The application for the placement order was nearly out of time because the legal gateway meeting had "
        "been cancelled twice.",
        ("adoption", "child_protection"),
        ("workload_and_staffing", "policy_and_procedures"),
    ),
    (
        "legal_or_court_deadline",
        "The young person's immigration application was not made before their 18th birthday, so they lost the "
        "right to apply under the child route.",
        ("care_leavers", "looked_after"),
        ("training_and_experience", "transitions_and_handover"),
    ),
    # allegation_management
    (
        "allegation_management",
        "{c} said a member of staff had grabbed them and pushed them against a wall. It was dealt with as a "
        "complaint and not referred to the LADO.",
        ("residential", "disabled_children"),
        ("policy_and_procedures", "training_and_experience"),
    ),
    (
        "allegation_management",
        "{c} told a teacher the foster carer hits them with a belt. The social worker spoke only to the carers, "
        "who denied it, and no strategy discussion or LADO referral was made.",
        ("fostering", "looked_after"),
        ("professional_curiosity", "policy_and_procedures", "voice_of_child"),
    ),
    (
        "allegation_management",
        "An allegation against a sports coach was reported, but the LADO was not told for two weeks and the "
        "coach carried on working with children.",
        ("child_in_need", "early_help", "front_door"),
        ("policy_and_procedures", "multi_agency_working"),
    ),
    (
        "allegation_management",
        "The allegation against the carer was investigated by the carer's own supervising social worker, who "
        "was not independent.",
        ("fostering",),
        ("policy_and_procedures", "supervision_and_oversight"),
    ),
    # recording_error
    (
        "recording_error",
        "Case notes for a whole month were missing from the file, and the visits that did happen were not "
        "recorded until six weeks later.",
        ("looked_after", "child_in_need", "care_leavers"),
        ("recording_and_systems", "workload_and_staffing"),
    ),
    (
        "recording_error",
        "The chronology had been copied and pasted from another family and contained the wrong names and events.",
        ("assessment", "child_protection"),
        ("recording_and_systems", "supervision_and_oversight"),
    ),
    (
        "recording_error",
        "The incident log in the home was not completed and the restraint was not recorded, so the manager "
        "did not know it had happened.",
        ("residential",),
        ("recording_and_systems", "training_and_experience"),
    ),
    (
        "recording_error",
        "The outcome of the strategy discussion was recorded wrongly as no further action when the decision was "
        "actually to start section 47 enquiries.",
        ("child_protection", "front_door", "out_of_hours"),
        ("recording_and_systems", "communication_information_sharing"),
    ),
    # other
    (
        "other",
        "No interpreter was booked for the meeting, so mum, who speaks very little English, did not understand "
        "what was being agreed.",
        ("child_protection", "assessment", "child_in_need"),
        ("environment_and_resources", "voice_of_child"),
    ),
    (
        "other",
        "A worker was threatened and followed to the car after a home visit. There was no lone working "
        "check-in and nobody knew where she was.",
        ("child_protection", "out_of_hours", "assessment"),
        ("environment_and_resources", "policy_and_procedures"),
    ),
    (
        "other",
        "{c}'s room was searched while they were out, and their belongings were put in bin bags without them "
        "being there. It felt like their privacy and dignity did not matter.",
        ("residential", "looked_after"),
        ("voice_of_child", "policy_and_procedures"),
    ),
    (
        "other",
        "The young person died. They had been open to services for years and were known to be struggling with "
        "drugs and mental health.",
        ("care_leavers", "looked_after"),
        ("multi_agency_working", "assessment_and_planning"),
    ),
    # --- second batch: more variety for the types that are hardest to tell apart
    (
        "information_not_shared",
        "The communication profile explaining how {c} shows pain and says yes or no was handed in at the start "
        "but never reached the staff doing the overnight care, so nobody understood what {c} was telling them.",
        ("disabled_children", "residential"),
        ("communication_information_sharing", "voice_of_child", "transitions_and_handover"),
    ),
    (
        "information_not_shared",
        "The school was never sent the court order saying dad must not collect, so when he turned up at the "
        "gate the office had nothing on file to say no. A teacher who knew the family stopped it.",
        ("child_protection", "looked_after", "child_in_need"),
        ("communication_information_sharing", "multi_agency_working"),
    ),
    (
        "information_not_shared",
        "The conference plan said mother and baby would go to a parent and baby placement, but the maternity "
        "ward had not been given a copy and were about to discharge them home.",
        ("assessment", "child_protection"),
        ("communication_information_sharing", "multi_agency_working", "policy_and_procedures"),
    ),
    (
        "information_not_shared",
        "The emergency duty team were called to the house overnight but nothing on the system told them the "
        "children had a plan and a named worker, and the day team were not told about the call until days later.",
        ("out_of_hours", "front_door"),
        ("recording_and_systems", "communication_information_sharing", "transitions_and_handover"),
    ),
    (
        "information_not_shared",
        "The previous local authority knew about the sexual abuse history but their file was not passed across "
        "when the family moved here, so our assessment started from nothing.",
        ("assessment", "child_in_need", "adoption"),
        ("communication_information_sharing", "multi_agency_working", "transitions_and_handover"),
    ),
    (
        "assessment_or_plan_deficit",
        "The safety plan agreed at the last meeting had never been written up or shared, so the grandparents "
        "looking after {c} did not know they were not supposed to let mum stay overnight.",
        ("child_protection", "child_in_need", "early_help"),
        ("assessment_and_planning", "communication_information_sharing"),
    ),
    (
        "assessment_or_plan_deficit",
        "The assessment of the connected carers was rushed and did not look at the grandfather's previous "
        "convictions. The viability assessment said positive but the checks had not come back.",
        ("assessment", "fostering", "looked_after"),
        ("assessment_and_planning", "professional_curiosity", "workload_and_staffing"),
    ),
    (
        "assessment_or_plan_deficit",
        "The care plan had not been reviewed in over a year and still said the goal was return home, although "
        "everyone agreed that had stopped being realistic months ago.",
        ("looked_after", "adoption"),
        ("assessment_and_planning", "supervision_and_oversight"),
    ),
    (
        "assessment_or_plan_deficit",
        "The plan agreed at the review was not followed: the therapy, the school move and the contact changes "
        "all just did not happen and nobody checked.",
        ("child_in_need", "looked_after", "disabled_children"),
        ("assessment_and_planning", "supervision_and_oversight"),
    ),
    (
        "transport_or_supervision_lapse",
        "On the outing there were three staff for six young people with high needs, and one young person got "
        "out of sight in the shopping centre because the supervision plan said two to one.",
        ("residential", "disabled_children"),
        ("workload_and_staffing", "assessment_and_planning"),
    ),
    (
        "transport_or_supervision_lapse",
        "The carer left {c} alone in the car outside the shop for twenty minutes on a hot day.",
        ("fostering", "looked_after"),
        ("training_and_experience", "professional_curiosity"),
    ),
    (
        "transport_or_supervision_lapse",
        "{c} was driven to contact by a volunteer driver who let mum sit in the car with {c} on the way home, "
        "when the plan said no unsupervised time.",
        ("looked_after", "child_protection", "fostering"),
        ("communication_information_sharing", "policy_and_procedures"),
    ),
    (
        "other",
        "The family had to use their eleven year old to interpret at the meeting about the injuries because the "
        "interpreting service cancelled and nobody rebooked.",
        ("child_protection", "early_help", "assessment"),
        ("environment_and_resources", "voice_of_child"),
    ),
    (
        "other",
        "A student social worker was sent on a home visit alone to a father with a history of violence and was "
        "threatened with a knife. There was no risk assessment for the visit.",
        ("child_protection", "child_in_need", "assessment"),
        ("environment_and_resources", "supervision_and_oversight", "training_and_experience"),
    ),
    (
        "other",
        "{c} was filmed by another resident while getting changed and staff did not realise for several days. "
        "The doors to the bathroom have no locks.",
        ("residential", "disabled_children"),
        ("environment_and_resources", "policy_and_procedures"),
    ),
    (
        "other",
        "A care leaver aged 20 died of an overdose in their flat. They had told their personal adviser they "
        "were using again and had been discharged from the drug service.",
        ("care_leavers",),
        ("multi_agency_working", "assessment_and_planning", "environment_and_resources"),
    ),
]
