from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from safelearn.learning.engine.data import load_seed_records
from safelearn.learning.engine.suggester import SUGGEST_FIELDS, Suggester
from safelearn.learning.engine.taxonomy import field_ids
from safelearn.learning.tests.helpers import seed_model


def test_seeds_cover_every_taxonomy_id() -> None:
    recs = load_seed_records()
    assert len(recs) >= 250
    assert len({r["id"] for r in recs}) == len(recs)
    for fld in ("incident_type", "service_area", "outcome", "recovery_factor"):
        seen = {r["labels"][fld] for r in recs}
        assert seen == set(field_ids(fld)), fld
    factors = {f for r in recs for f in r["labels"]["contributory_factors"]}
    assert factors == set(field_ids("contributory_factors"))
    assert {r["labels"]["immediate_risk"] for r in recs} == {True, False}


def test_suggest_shape_and_ids() -> None:
    s = seed_model().suggest(
        "The foster carer gave him a double dose of his epilepsy medication because the MAR chart had not been signed."
    )
    d = s.as_dict()
    for fld in SUGGEST_FIELDS:
        assert fld in d and fld in d["confidence"]
    assert s.incident_type in field_ids("incident_type")
    assert s.service_area in field_ids("service_area")
    assert s.outcome in field_ids("outcome")
    assert s.recovery_factor in field_ids("recovery_factor")
    assert s.contributory_factors and set(s.contributory_factors) <= set(field_ids("contributory_factors"))
    assert isinstance(s.immediate_risk, bool)
    assert 0.0 <= d["confidence"]["incident_type"] <= 1.0
    assert s.incident_type == "medication_error"
    json.dumps(d)


def test_suggest_obvious_cases() -> None:
    assert (
        seed_model()
        .suggest("yp went missing from the children's home last night, police informed, returned this morning")
        .incident_type
        == "child_missing"
    )
    assert (
        seed_model()
        .suggest("The personal adviser has not been in touch with the care leaver about the pathway plan")
        .service_area
        == "care_leavers"
    )


def test_fit_on_partial_labels_and_unknown_ids() -> None:
    texts = ["wrong tablets given", "child ran away from home", "missed the court deadline", "nonsense"]
    labels: dict[str, Sequence[Any]] = {
        "incident_type": ["medication_error", "child_missing", "legal_or_court_deadline", "not_an_id"],
        "contributory_factors": [["policy_and_procedures"], None, ["workload_and_staffing"], []],
    }
    model = Suggester().fit(texts, labels)
    s = model.suggest("the wrong tablets were given at bedtime")
    assert s.incident_type == "medication_error"
    assert s.service_area in field_ids("service_area")  # cold start from the taxonomy alone
