"""Taxonomy labels marked for translation, so `makemessages` finds them (they live in taxonomy.yaml).

The ids never change; labels are translated when shown, with the English label as the msgid
(``translated_choices``). ``safelearn/core/tests/test_taxonomy_labels.py`` fails when this list and
taxonomy.yaml drift apart.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.utils.translation import gettext_lazy, gettext_noop

from safelearn.core.taxonomy import get_taxonomy

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise

# fmt: off
LABELS: tuple[str, ...] = (
    gettext_noop('Incident or near miss'),
    gettext_noop('Unsafe condition'),
    gettext_noop('Good practice'),
    gettext_noop('Near miss'),
    gettext_noop('No harm'),
    gettext_noop('Low harm'),
    gettext_noop('Moderate harm'),
    gettext_noop('Severe harm'),
    gettext_noop('Death'),
    gettext_noop('Not yet known'),
    gettext_noop('Information not shared'),
    gettext_noop('Delayed response'),
    gettext_noop('Missed visit or contact'),
    gettext_noop('Referral not actioned'),
    gettext_noop('Assessment or plan shortfall'),
    gettext_noop('Wrong person or record'),
    gettext_noop('Confidentiality breach'),
    gettext_noop('Child missing'),
    gettext_noop('Placement issue'),
    gettext_noop('Contact arrangement error'),
    gettext_noop('Medication error'),
    gettext_noop('Transport or supervision lapse'),
    gettext_noop('Legal or court deadline'),
    gettext_noop('Allegation management'),
    gettext_noop('Recording error'),
    gettext_noop('Other'),
    gettext_noop('Front door / MASH'),
    gettext_noop('Early help'),
    gettext_noop('Assessment'),
    gettext_noop('Child in need'),
    gettext_noop('Child protection'),
    gettext_noop('Children in care'),
    gettext_noop('Fostering'),
    gettext_noop('Adoption'),
    gettext_noop('Residential care'),
    gettext_noop('Care leavers'),
    gettext_noop('Disabled children'),
    gettext_noop('Out of hours'),
    gettext_noop('Communication and information sharing'),
    gettext_noop('Multi-agency working'),
    gettext_noop('Assessment and planning'),
    gettext_noop('Voice of the child'),
    gettext_noop('Professional curiosity'),
    gettext_noop('Workload and staffing'),
    gettext_noop('Supervision and management oversight'),
    gettext_noop('Recording and IT systems'),
    gettext_noop('Policy and procedures'),
    gettext_noop('Training and experience'),
    gettext_noop('Transitions and handover'),
    gettext_noop('Child and family factors'),
    gettext_noop('Environment and resources'),
    gettext_noop('A colleague noticed or checked'),
    gettext_noop('Supervision or management check'),
    gettext_noop('Another agency challenged or checked'),
    gettext_noop('The child or family raised it'),
    gettext_noop('A system, form or reminder flagged it'),
    gettext_noop('Chance or luck'),
    gettext_noop('Police'),
    gettext_noop('Health (GP, hospital, health visitor, CAMHS, midwifery)'),
    gettext_noop('Education (school, nursery, college)'),
    gettext_noop('Housing'),
    gettext_noop('Placement or care provider'),
    gettext_noop('Voluntary sector'),
    gettext_noop('Another local authority'),
    gettext_noop('Courts or Cafcass'),
    gettext_noop('Probation or youth justice'),
    gettext_noop('Serious incident notification to the national Child Safeguarding Practice Review Panel (and Ofsted)'),
    gettext_noop('Rapid review by the local safeguarding partners'),
    gettext_noop("Children's home notification to Ofsted (Regulation 40)"),
    gettext_noop('Referral to the Local Authority Designated Officer'),
    gettext_noop('Personal data breach report to the Information Commissioner'),
    gettext_noop('Social worker'),
    gettext_noop('Team or service manager'),
    gettext_noop('Residential care worker'),
    gettext_noop('Foster carer'),
    gettext_noop('Independent reviewing officer or conference chair'),
    gettext_noop('Family support or early help worker'),
    gettext_noop('Child or young person'),
    gettext_noop('Parent or family member'),
    gettext_noop('Other professional'),
)
# fmt: on


def translated_choices(section: str) -> list[tuple[str, StrOrPromise]]:
    """(id, label) pairs whose labels are translated each time they are shown (stored ids stay English)."""
    return [(code_id, gettext_lazy(label)) for code_id, label in get_taxonomy().choices(section)]
