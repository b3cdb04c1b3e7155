"""Write a synthetic legacy incident export: `python examples/make_legacy_csv.py 10000 out.csv [--bad 5]`.

Rows are invented from fragments; a few deliberately bad rows show how import reports problems.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import random

EVENTS = [
    ("Missed visit", "CIC", "The statutory visit was missed because the worker was off sick and nobody covered."),
    ("Medication", "Resi", "Evening medication was given twice because the handover sheet was not updated."),
    ("Info sharing", "MASH", "A police notification sat in the inbox for three days before anyone read it."),
    ("Missing child", "Resi", "A young person went missing overnight and the return interview was not offered."),
    ("Placement", "Fostering", "An emergency placement was made without the usual checks on the household."),
    ("Recording", "CP", "Notes of the core group were saved on the wrong child's record."),
]
OUTCOMES = ["Near miss", "No harm", "Minor", "Moderate"]
#: Where it happened, as the legacy system called it (the mapping turns these into setting types).
SETTINGS = {"CIC": "Home visit", "Resi": "Resi home", "MASH": "Office", "Fostering": "Foster", "CP": "Home visit"}
#: Each child's age band and legal status, "|"-separated, one value per child (issue 17).
AGES = ["13-15", "5-9", "16-17", "10-12", "0-4"]
STATUSES = ["LAC", "CIN", "CP", "Leaving care"]
FACTORS = ["Comms", "Staffing", "IT", "Procedure", "Handover"]


def rows(count: int, bad: int, seed: int = 3) -> list[dict[str, str]]:
    rng = random.Random(seed)
    start = dt.date(2021, 1, 1)
    out = []
    for number in range(1, count + 1):
        category, team, text = rng.choice(EVENTS)
        day = start + dt.timedelta(days=rng.randint(0, 1400))
        ages = rng.sample(AGES, rng.randint(0, 2))  # none, one or two children described
        out.append(
            {
                "IncidentID": f"LEG-{number:06d}",
                "Description": f"{text} (case {number})",
                "ActionTaken": "Picked up by the team manager at supervision.",
                "IncidentDate": day.strftime("%d/%m/%Y"),
                "LoggedDate": (day + dt.timedelta(days=2)).strftime("%d/%m/%Y"),
                "Category": category,
                "Team": team,
                "Severity": rng.choice(OUTCOMES),
                "Factors": ";".join(rng.sample(FACTORS, rng.randint(1, 3))),
                "Setting": SETTINGS.get(team, ""),
                "ChildAges": "|".join(ages),
                "ChildStatus": "|".join(rng.choice(STATUSES) for _ in ages),
            }
        )
    for index in rng.sample(range(count), min(bad, count)):
        kind = index % 3
        if kind == 0:
            out[index]["Description"] = ""
        elif kind == 1:
            out[index]["IncidentDate"] = "31/02/2023"
        else:
            out[index]["Category"] = "Unknown category"
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("count", type=int)
    parser.add_argument("path")
    parser.add_argument("--bad", type=int, default=5)
    args = parser.parse_args()
    data = rows(args.count, args.bad)
    with open(args.path, "w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(data[0]))
        writer.writeheader()
        writer.writerows(data)
    print(f"wrote {len(data)} rows ({args.bad} deliberately bad) to {args.path}")


if __name__ == "__main__":
    main()
