"""SafeLearn learning engine: plain Python (no Django).

* :class:`Suggester` - suggests taxonomy codes with confidences (cold start from seeds + taxonomy).
* :func:`assess_immediate_risk` - rules + model for "a child may be at risk right now".
* :class:`SimilarityIndex` - similar reports with shared terms as reasons (scales to ~1M reports).
* :func:`detect_emerging_themes` - themes rising across organisations versus a baseline.
* :func:`evaluate` - cross-validated evaluation of one field of any labelled data set.
* :mod:`persistence` - versioned model artefacts and the promotion rule.
"""

from .evaluation import evaluate
from .persistence import ModelArtefact, load_artefact, save_artefact, should_promote
from .risk import RiskAssessment, assess_immediate_risk
from .similarity import Match, SimilarityIndex
from .suggester import Suggester, Suggestion, train_from_seeds
from .themes import Doc, Theme, detect_emerging_themes

__all__ = [
    "Doc",
    "Match",
    "ModelArtefact",
    "RiskAssessment",
    "SimilarityIndex",
    "Suggester",
    "Suggestion",
    "Theme",
    "assess_immediate_risk",
    "detect_emerging_themes",
    "evaluate",
    "load_artefact",
    "save_artefact",
    "should_promote",
    "train_from_seeds",
]
