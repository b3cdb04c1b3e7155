"""Fictional example reviews, written in the style of published review summaries for the demo.

None of these reviews, areas or children exist. Real published reviews are loaded by users.
"""

from __future__ import annotations

from typing import Any

FICTIONAL = "Fictional example written for the SafeLearn demo; not a real review."

SEED_REVIEWS: list[dict[str, Any]] = [
    {
        "title": "Child A: Eastholm (fictional example)",
        "area": "Eastholm",
        "year": 2009,
        "kind": "serious_case_review",
        "summary": "An infant suffered serious injuries while the family were known to health and children's services.",
        "findings": [
            "Information held by the health visitor about a new partner in the household was not shared with children's social care, so the strategy discussion went ahead without it.",
            "Professionals accepted the mother's account of bruising at face value; there was a lack of professional curiosity about repeated minor injuries in a non-mobile baby.",
        ],
        "recommendations": [
            "Partners should ensure that all relevant agencies, including health, are invited to and contribute information to every strategy discussion.",
            "Training on professional curiosity should be delivered to all frontline staff, including how to respond to bruising in non-mobile babies.",
        ],
    },
    {
        "title": "Child B: Marrowby (fictional example)",
        "area": "Marrowby",
        "year": 2012,
        "kind": "serious_case_review",
        "summary": "A seven-year-old was neglected over several years while subject to a child protection plan.",
        "findings": [
            "The child was not seen alone on most statutory visits; visits took place in the kitchen with the parents present and the child's voice is largely absent from the records.",
            "Drift in the child protection plan: the same concerns were recorded at five review conferences without a change of plan or escalation to legal planning.",
        ],
        "recommendations": [
            "Social workers must see the child alone at every statutory visit and record the child's own words.",
            "Managers should review cases where a child has been on a plan for more than a year to prevent drift.",
        ],
    },
    {
        "title": "Siblings C and D: Harlow Vale (fictional example)",
        "area": "Harlow Vale",
        "year": 2015,
        "kind": "serious_case_review",
        "summary": "Two children were harmed after the family moved between three local authorities in two years.",
        "findings": [
            "When the family moved into the area the transfer-in conference was delayed and the previous local authority's records were not requested, so the history was lost.",
            "Each new worker began a fresh assessment; start-again syndrome meant the cumulative pattern of neglect was never seen as a whole.",
        ],
        "recommendations": [
            "When a family with a child protection plan moves area, the receiving authority must hold a transfer-in conference within 15 working days and obtain the full history.",
            "Assessments should begin with a chronology of previous involvement rather than starting again.",
        ],
    },
    {
        "title": "Child E: Northcombe (fictional example)",
        "area": "Northcombe",
        "year": 2017,
        "kind": "serious_case_review",
        "summary": "A toddler with complex health needs died after a long period of missed health appointments.",
        "findings": [
            "The child was not brought to eleven health appointments; each was recorded as 'did not attend' and the pattern was not recognised as neglect or shared with the social worker.",
            "Disguised compliance: the parents engaged warmly with professionals at meetings but the agreed actions were not carried out, and this was not challenged.",
        ],
        "recommendations": [
            "Health partners should adopt a 'was not brought' policy so missed appointments for children are followed up and shared with the lead professional.",
            "Plans should measure what has changed for the child rather than parental attendance at meetings.",
        ],
    },
    {
        "title": "Child F: Oxley Bridge (fictional example)",
        "area": "Oxley Bridge",
        "year": 2019,
        "kind": "lcspr",
        "summary": "A teenager exploited outside the home went missing repeatedly before being seriously harmed.",
        "findings": [
            "The young person went missing eleven times; return home interviews were not completed and information from the police about the adults involved was not shared with the school.",
            "Agencies saw the young person as making choices rather than as a child being exploited; the language in records minimised the risk.",
        ],
        "recommendations": [
            "Return home interviews must be offered within 72 hours of every missing episode and the learning shared with the police and the school.",
            "All partners should use language that recognises exploited young people as children at risk.",
        ],
    },
    {
        "title": "Child G: Eastholm (fictional example)",
        "area": "Eastholm",
        "year": 2021,
        "kind": "lcspr",
        "summary": "A baby was injured while the family were receiving early help.",
        "findings": [
            "The health visitor was not invited to the strategy discussion and information about the father's history of domestic abuse held by the police was not shared with children's social care.",
            "High caseloads and a reliance on agency social workers meant the family had four social workers in six months and each started the assessment again.",
        ],
        "recommendations": [
            "Partners should ensure that health, and in particular the health visitor, is invited to every strategy discussion about a baby.",
            "The service should reduce changes of social worker for children on plans and require a handover visit when cases move.",
        ],
    },
    {
        "title": "Child H: Westbury Lees (fictional example)",
        "area": "Westbury Lees",
        "year": 2022,
        "kind": "rapid_review_summary",
        "summary": "A child in foster care was placed at risk when their placement address was disclosed.",
        "findings": [
            "A letter containing the foster carers' address was sent unredacted to the birth family; there was no second check before correspondence about a child in care was sent.",
        ],
        "recommendations": [
            "Correspondence about children in care should be checked by a second person for confidential addresses before it is sent.",
        ],
    },
    {
        "title": "Child J: Marrowby (fictional example)",
        "area": "Marrowby",
        "year": 2023,
        "kind": "rapid_review_summary",
        "summary": "A referral from a school about a child's injuries was not acted on for eight days.",
        "findings": [
            "A referral from the school was screened out at the front door without contacting the school or checking police records; the referral was closed with no further action.",
            "Threshold decisions at the front door were not reviewed by a manager at a time of high demand.",
        ],
        "recommendations": [
            "Front door managers should audit a sample of referrals closed with no further action each month.",
            "Partners should ensure that all relevant agencies are asked for information before a referral is screened out.",
        ],
    },
    {
        "title": "Child K: Kingsmere (fictional example)",
        "area": "Kingsmere",
        "year": 2023,
        "kind": "lcspr",
        "summary": "A disabled child experienced neglect that was attributed to their impairment.",
        "findings": [
            "The disabled child's communication needs were not understood; professionals did not use the child's communication aids so the child was not heard.",
            "Injuries and weight loss were attributed to the child's condition without professional curiosity or a second medical opinion.",
        ],
        "recommendations": [
            "Practitioners working with disabled children should use the child's own communication methods and record the child's views.",
        ],
    },
    {
        "title": "Young person L: Harlow Vale (fictional example)",
        "area": "Harlow Vale",
        "year": 2024,
        "kind": "learning_review",
        "summary": "A care leaver became homeless shortly after turning 18.",
        "findings": [
            "The pathway plan was out of date and the personal adviser changed three times; housing was not involved until the week the young person turned 18.",
        ],
        "recommendations": [
            "Pathway plans should be reviewed at least six months before a young person's eighteenth birthday, with housing partners involved.",
        ],
    },
    {
        "title": "Child M: Oxley Bridge (fictional example)",
        "area": "Oxley Bridge",
        "year": 2024,
        "kind": "learning_review",
        "summary": "A child in a children's home was given another child's medication.",
        "findings": [
            "Medication for two children with similar names was stored together and the medication record was completed after the dose rather than at the time.",
        ],
        "recommendations": [
            "Children's homes should store each child's medication separately and record each dose at the time it is given.",
        ],
    },
    {
        "title": "Child N: Northcombe (fictional example)",
        "area": "Northcombe",
        "year": 2025,
        "kind": "lcspr",
        "summary": "A child on a child protection plan was seriously harmed after planned visits lapsed.",
        "findings": [
            "Statutory visits lapsed for nine weeks during staff sickness; there was no system to alert managers that a child on a plan had not been seen.",
            "Information about a new adult in the household was known to the school but not shared with the social worker, and no one asked who was living in the home.",
        ],
        "recommendations": [
            "The case management system should alert managers when a child on a plan has not been seen within the required timescale.",
            "Partners should ensure that information about new adults in a household is shared with the lead professional.",
        ],
    },
    {
        "title": "Child P: Westbury Lees (fictional example)",
        "area": "Westbury Lees",
        "year": 2025,
        "kind": "rapid_review_summary",
        "summary": "A child placed with family members was harmed after assessment checks were not completed.",
        "findings": [
            "A child was placed with relatives in an emergency without the required checks; the viability assessment was not completed and the plan was not reviewed.",
        ],
        "recommendations": [
            "Emergency placements with family or friends must have checks completed and the plan reviewed within five working days.",
        ],
    },
    {
        "title": "Child Q: Kingsmere (fictional example)",
        "area": "Kingsmere",
        "year": 2026,
        "kind": "rapid_review_summary",
        "summary": "Concerns shared out of hours did not reach the day team.",
        "findings": [
            "Information from the emergency duty team about police attendance at the home overnight was not passed on to the allocated social worker, who visited two days later unaware of it.",
        ],
        "recommendations": [
            "Out of hours services should hand over every contact about an open case to the allocated team by 10am the next working day.",
        ],
    },
]

for _review in SEED_REVIEWS:
    _review["summary"] = f"{_review['summary']} {FICTIONAL}"
