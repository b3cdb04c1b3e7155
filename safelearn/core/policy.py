"""The access-control policy: for every URL name, what each kind of visitor must get.

`safelearn/core/tests/test_access_matrix.py` walks every URL pattern in `config.urls` (includes too),
fails for any view missing here, visits each one as every principal below with objects that belong to
organisation A, and checks the outcome, and that no denied response contains the report's reference or
words. Auditors read this table; the test proves the running code matches it.

Adding a view: add one line to POLICY with its qualified name ("namespace:name") and a preset, e.g.

    "review:new_page": rule(REVIEWER_OF_REPORT),                # GET, report of org A in the URL
    "review:new_post": rule(REVIEWER_OF_REPORT, method="POST"),  # a POST-only view (empty form posted)
    "analytics:x": rule(ANALYST_ONLY, note="why this is right"),

Override single principals with keywords: `rule(STAFF, analyst=NOT_FOUND)`. URL keyword arguments are
filled from the test's fixtures by name (report_id, org_slug, action_id, ...); a new kwarg name needs
one line in URL_KWARGS in the test. Routes under a PREFIX_RULES prefix (Django's admin) share a rule.
API endpoints that validate a JSON body before checking access take `json={...}`. MISSING_OBJECT
marks views whose object has no fixture yet (only denial for an unknown id is checked): replace it with
a real preset once the test builds that object. `known_issue="..."` turns a mismatch into a warning
while a bug is tracked; remove it when fixed.

Raw text: a view that can show a report's raw narrative or a reporter's identity names the audit verb it
writes, `shows_raw="report.narrative_read"`. `safelearn/core/tests/test_raw_text_audit.py` visits each
one as every principal allowed in and checks exactly one such event per view, and fails for any view
whose response shows the raw words without the marker.

Principals (organisation A is the report's organisation):
  anonymous       not signed in
  reporter        reporter in A; the report's named author
  reviewer        safety lead (reviewer) in A
  org_admin       organisation administrator in A (administers people, does not read reports)
  other_reporter  reporter in organisation B
  other_reviewer  safety lead in organisation B
  analyst         national analyst (de-identified data only)

Outcomes: ALLOW (2xx, 400 for an empty form, or a redirect that is not to sign in), LOGIN (redirect to
sign in), UNAUTHORISED (401, the API), FORBIDDEN (403: an insider without the role), NOT_FOUND (404:
an outsider, so a report's existence is not revealed), DENY (403 or 404, either is safe).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum


class Outcome(StrEnum):
    ALLOW = "allow"
    LOGIN = "login"
    UNAUTHORISED = "401"
    FORBIDDEN = "403"
    NOT_FOUND = "404"
    DENY = "403/404"


ALLOW, LOGIN, UNAUTHORISED = Outcome.ALLOW, Outcome.LOGIN, Outcome.UNAUTHORISED
FORBIDDEN, NOT_FOUND, DENY = Outcome.FORBIDDEN, Outcome.NOT_FOUND, Outcome.DENY

PRINCIPALS = ("anonymous", "reporter", "reviewer", "org_admin", "other_reporter", "other_reviewer", "analyst")


def outcomes(default: Outcome, **overrides: Outcome) -> dict[str, Outcome]:
    unknown = set(overrides) - set(PRINCIPALS)
    if unknown:
        raise ValueError(f"unknown principals: {sorted(unknown)}")
    return {p: overrides.get(p, default) for p in PRINCIPALS}


@dataclass(frozen=True)
class Rule:
    expected: dict[str, Outcome]
    method: str = "GET"
    note: str = ""
    kwargs: dict[str, str] = field(default_factory=dict)  # fixed URL kwargs, e.g. {"step": "mode"}
    json: dict[str, object] | None = None  # POST this JSON body (API endpoints validate the body first)
    known_issue: str = ""  # a tracked bug: the test warns about the mismatch instead of failing on it
    shows_raw: str = ""  # the audit verb each view showing raw narrative or identity writes, once a view


def rule(
    preset: dict[str, Outcome],
    *,
    method: str = "GET",
    note: str = "",
    kwargs: dict[str, str] | None = None,
    json: dict[str, object] | None = None,
    known_issue: str = "",
    shows_raw: str = "",
    **overrides: Outcome,
) -> Rule:
    outcomes(ALLOW, **overrides)  # rejects a misspelt principal
    return Rule(
        expected={**preset, **overrides},
        method=method,
        note=note,
        kwargs=kwargs or {},
        json=json,
        known_issue=known_issue,
        shows_raw=shows_raw,
    )


# --- Presets -------------------------------------------------------------------------------------------
PUBLIC = outcomes(ALLOW)
SIGNED_IN = outcomes(ALLOW, anonymous=LOGIN)
#: Reporting as staff: anyone with a staff role in some organisation; analysts have none.
STAFF = outcomes(ALLOW, anonymous=LOGIN, analyst=FORBIDDEN)
#: Lists for safety leads: each sees their own organisation's; everyone else is refused.
ANY_REVIEWER = outcomes(FORBIDDEN, anonymous=LOGIN, reviewer=ALLOW, other_reviewer=ALLOW)
#: One report of organisation A: its safety leads only; insiders without the role 403, outsiders 404.
REVIEWER_OF_REPORT = outcomes(NOT_FOUND, anonymous=LOGIN, reviewer=ALLOW, reporter=FORBIDDEN, org_admin=FORBIDDEN)
#: The signed-in reporter's own named report: nobody else, and its existence is not revealed.
OWN_REPORT = outcomes(NOT_FOUND, anonymous=LOGIN, reporter=ALLOW)
#: An organisation's administration pages (organisation A in the URL): its administrators only.
ORG_ADMIN_OF_ORG = outcomes(FORBIDDEN, anonymous=LOGIN, org_admin=ALLOW)
#: National analysts only (de-identified data).
ANALYST_ONLY = outcomes(FORBIDDEN, anonymous=LOGIN, analyst=ALLOW)
#: The public link's poster and cards: the organisation's administrators and safety leads.
KIT = outcomes(NOT_FOUND, anonymous=LOGIN, reviewer=ALLOW, org_admin=ALLOW, reporter=FORBIDDEN)
#: The query builder (issue 17): safety leads (their own organisation) and national analysts (the pool).
QUERY_BUILDERS = outcomes(FORBIDDEN, anonymous=LOGIN, reviewer=ALLOW, other_reviewer=ALLOW, analyst=ALLOW)
#: One saved query of organisation A's safety lead: its owner (and A's other safety leads if shared) only.
SAVED_QUERY = outcomes(NOT_FOUND, anonymous=LOGIN, reviewer=ALLOW)
#: National administrators only (organisation administrators of the national learning body).
NATIONAL_ADMIN = outcomes(FORBIDDEN, anonymous=LOGIN)
#: Django's admin: nobody in the fixtures is staff, so everyone is sent to the admin's own sign-in.
ADMIN_ONLY = outcomes(LOGIN)
#: One report of organisation A through the API (session or token): 401 when signed out.
API_REVIEWER_OF_REPORT = {**REVIEWER_OF_REPORT, "anonymous": UNAUTHORISED}
#: An object id that does not exist (no fixture yet): signed out → sign in; everyone else 403/404, never data.
MISSING_OBJECT = outcomes(DENY, anonymous=LOGIN)
MISSING = "object fixture pending: checks denial for a non-existent id only"
#: The audit verb for reading a report's raw narrative (the report detail page, the API, exports...).
NARRATIVE_READ = "report.narrative_read"

POLICY: dict[str, Rule] = {
    # Site pages
    "home": rule(PUBLIC),
    "login": rule(PUBLIC, note="signed-in visitors are redirected home"),
    "logout": rule(PUBLIC, method="POST"),
    "notifications": rule(SIGNED_IN, note="each user's own alerts only"),
    "govuk_asset": rule(PUBLIC, kwargs={"path": "images/favicon.ico"}),
    "favicon": rule(PUBLIC, note="a redirect to GOV.UK Frontend's icon"),
    # Public-body pages (issue 16): anyone, signed in or not; nothing about any report
    "accessibility": rule(PUBLIC),
    "cookies": rule(PUBLIC),
    "help": rule(PUBLIC),
    "switch_language": rule(PUBLIC, kwargs={"code": "cy"}, note="sets the language cookie and redirects"),
    "privacy": rule(PUBLIC, note="lists organisations' names only"),
    "privacy_organisation": rule(PUBLIC, note="an unknown organisation gets a 404 listing the notices"),
    # Accounts (sign-in security, the reporter's own data)
    "accounts:two_factor_setup": rule(SIGNED_IN),
    "accounts:two_factor_verify": rule(SIGNED_IN, note="redirects to set-up when there is no device"),
    "accounts:keepalive": rule(PUBLIC, anonymous=UNAUTHORISED),
    "accounts:my_data": rule(SIGNED_IN),
    "accounts:my_data_download": rule(
        SIGNED_IN, note="the signed-in user's own data only", shows_raw="account.data_exported"
    ),
    "accounts:my_data_erase": rule(SIGNED_IN, method="POST", note="the signed-in user's own data only"),
    # Reporting: staff
    "reporting:report_new": rule(STAFF),
    "reporting:submitted": rule(SIGNED_IN, note="shows only the receipt kept in this session"),
    "reporting:my_reports": rule(SIGNED_IN, note="lists only the user's own named reports"),
    "reporting:my_report_detail": rule(OWN_REPORT, shows_raw=NARRATIVE_READ),
    # Reporting: the public link and receipt-code checks need no account
    "reporting:public_start": rule(PUBLIC),
    "reporting:public_check": rule(PUBLIC),
    "reporting:public_sent": rule(PUBLIC),
    "reporting:public_sent_email": rule(
        PUBLIC, method="POST", note="emails only the receipt waiting in this session; the address is never kept"
    ),
    "reporting:public_done": rule(PUBLIC),
    "reporting:public_exit": rule(PUBLIC, note="quick exit: forgets this visit, 303 to a neutral site"),
    "reporting:public_easy_read": rule(PUBLIC, note="turns easy read on or off for this visit and redirects"),
    "reporting:public_step": rule(PUBLIC, kwargs={"step": "mode"}),
    "reporting:check_start": rule(PUBLIC),
    "reporting:check_report": rule(PUBLIC, note="only the report opened with a receipt code in this session"),
    "reporting:check_leave": rule(PUBLIC, method="POST"),
    "reporting:check_exit": rule(PUBLIC, note="quick exit: forgets this visit, 303 to a neutral site"),
    # Reporting: safety leads
    "reporting:conversation_reply": rule(REVIEWER_OF_REPORT, method="POST"),
    "reporting:identity": rule(REVIEWER_OF_REPORT),
    "reporting:harm_grade": rule(REVIEWER_OF_REPORT, method="POST", note="harm graded apart (issue 17)"),
    # Reporting: the organisation's list of locations (issue 17); @org_slug is A
    "reporting:locations": rule(ORG_ADMIN_OF_ORG),
    "reporting:location_add": rule(ORG_ADMIN_OF_ORG),
    "reporting:location_edit": rule(
        MISSING_OBJECT, note=MISSING + "; safelearn/reporting/tests/test_where_who.py has them"
    ),
    "reporting:location_retire": rule(MISSING_OBJECT, method="POST", note=MISSING),
    # Review
    "review:inbox": rule(ANY_REVIEWER),
    "review:triage": rule(ANY_REVIEWER),
    "review:actions": rule(ANY_REVIEWER),
    "review:preferences": rule(SIGNED_IN, note="each person's own email choice only"),
    "review:action_update": rule(REVIEWER_OF_REPORT, method="POST"),
    "review:report_detail": rule(REVIEWER_OF_REPORT, shows_raw=NARRATIVE_READ),
    "review:report_account": rule(REVIEWER_OF_REPORT, shows_raw=NARRATIVE_READ),
    "review:report_grading": rule(REVIEWER_OF_REPORT),
    "review:report_actions": rule(REVIEWER_OF_REPORT),
    "review:report_feedback": rule(REVIEWER_OF_REPORT, shows_raw=NARRATIVE_READ, note="the reporter's replies"),
    "review:report_learning": rule(REVIEWER_OF_REPORT),
    "review:report_history": rule(REVIEWER_OF_REPORT),
    "review:report_transition": rule(REVIEWER_OF_REPORT, method="POST", shows_raw=NARRATIVE_READ),
    "review:report_close": rule(REVIEWER_OF_REPORT),
    "review:report_assign": rule(REVIEWER_OF_REPORT, method="POST", shows_raw=NARRATIVE_READ),
    "review:escalation_acknowledge": rule(REVIEWER_OF_REPORT, method="POST", shows_raw=NARRATIVE_READ),
    "review:report_grade": rule(REVIEWER_OF_REPORT, method="POST", shows_raw=NARRATIVE_READ),
    "review:report_response": rule(REVIEWER_OF_REPORT, method="POST", shows_raw=NARRATIVE_READ),
    "review:clock_start": rule(REVIEWER_OF_REPORT, method="POST", shows_raw=NARRATIVE_READ),
    "review:action_add": rule(REVIEWER_OF_REPORT, method="POST", shows_raw=NARRATIVE_READ),
    "review:feedback_send": rule(REVIEWER_OF_REPORT, method="POST", shows_raw=NARRATIVE_READ),
    "review:systems_review": rule(REVIEWER_OF_REPORT),
    "review:finding_add": rule(REVIEWER_OF_REPORT, method="POST"),
    "review:just_culture": rule(REVIEWER_OF_REPORT),
    "review:clock_update": rule(REVIEWER_OF_REPORT, method="POST", shows_raw=NARRATIVE_READ),
    # Onward notifications (issue 17): the draft, print and PDF carry the reporter's words; the sending form does not
    "review:notification_edit": rule(REVIEWER_OF_REPORT, shows_raw=NARRATIVE_READ),
    "review:notification_print": rule(REVIEWER_OF_REPORT, shows_raw=NARRATIVE_READ),
    "review:notification_pdf": rule(
        REVIEWER_OF_REPORT, shows_raw=NARRATIVE_READ, note="a PDF: the words are not in plain bytes"
    ),
    "review:notification_sent": rule(REVIEWER_OF_REPORT),
    "review:code_choose": rule(REVIEWER_OF_REPORT, method="POST", kwargs={"field": "incident_type"}),
    "review:factor_add": rule(REVIEWER_OF_REPORT, method="POST"),
    # Redaction review
    "privacy:queue": rule(ANY_REVIEWER),
    "privacy:review": rule(REVIEWER_OF_REPORT, shows_raw=NARRATIVE_READ),
    "privacy:add": rule(REVIEWER_OF_REPORT, method="POST", shows_raw=NARRATIVE_READ),
    "privacy:remove": rule(REVIEWER_OF_REPORT, method="POST", shows_raw=NARRATIVE_READ),
    "privacy:generalise": rule(REVIEWER_OF_REPORT, method="POST"),
    # A refusal for want of a below-k reason re-shows the review page, which audits its read itself (views._render).
    "privacy:approve": rule(REVIEWER_OF_REPORT, method="POST"),
    # Casework (issue 17): files, additions and links; the named reporter may add to their own report
    "casework:report": rule(REVIEWER_OF_REPORT, shows_raw=NARRATIVE_READ, note="shows the additions' own words"),
    "casework:attachment_add": rule(
        REVIEWER_OF_REPORT,
        method="POST",
        reporter=ALLOW,
        shows_raw=NARRATIVE_READ,
        note="the named reporter too; an empty form is a 400 showing the page again",
    ),
    "casework:amendment_add": rule(
        REVIEWER_OF_REPORT,
        method="POST",
        reporter=ALLOW,
        shows_raw=NARRATIVE_READ,
        note="the named reporter too; an empty form is a 400 showing the page again",
    ),
    "casework:link_add": rule(REVIEWER_OF_REPORT, method="POST", shows_raw=NARRATIVE_READ),
    "casework:link_remove": rule(MISSING_OBJECT, method="POST", note=MISSING),
    "casework:linked": rule(REVIEWER_OF_REPORT, shows_raw=NARRATIVE_READ),
    "casework:attachment_download": rule(MISSING_OBJECT, note=MISSING),
    "casework:amendment_redact": rule(MISSING_OBJECT, method="POST", note=MISSING),
    "casework:amendment_approve": rule(MISSING_OBJECT, method="POST", note=MISSING),
    "casework:my_report": rule(OWN_REPORT, shows_raw=NARRATIVE_READ),
    "casework:check_add": rule(PUBLIC, note="only the report opened with a receipt code in this session"),
    # Analytics (national learning; de-identified data only)
    "analytics:home": rule(SIGNED_IN, note="members and analysts"),
    "analytics:dashboard": rule(SIGNED_IN, note="an organisation's members see only their own organisation"),
    "analytics:dashboard_csv": rule(SIGNED_IN, kwargs={"figure_id": "rates"}, note="as the dashboard"),
    "analytics:pool": rule(ANALYST_ONLY),
    "analytics:equality": rule(SIGNED_IN, note="as the dashboard: members see only their own organisation"),
    "analytics:equality_csv": rule(SIGNED_IN, note="as the dashboard"),
    "analytics:children_supported": rule(outcomes(FORBIDDEN, anonymous=LOGIN, org_admin=ALLOW)),
    "analytics:bulletin_list": rule(SIGNED_IN, note="published bulletins for members"),
    "analytics:bulletin_new": rule(ANALYST_ONLY),
    "analytics:subscription": rule(SIGNED_IN, method="POST", note="the user's own subscription"),
    "analytics:bulletin_feed": rule(outcomes(ALLOW, anonymous=FORBIDDEN), note="feed readers get 403, not a page"),
    "analytics:bulletin_feed_token": rule(outcomes(NOT_FOUND), kwargs={"token": "not-a-token"}, note="unknown token"),
    "analytics:bulletin_detail": rule(MISSING_OBJECT, note=MISSING),
    "analytics:bulletin_edit": rule(MISSING_OBJECT, note=MISSING),
    "analytics:bulletin_pdf": rule(MISSING_OBJECT, note=MISSING),
    "analytics:bulletin_item_add": rule(MISSING_OBJECT, method="POST", note=MISSING),
    "analytics:bulletin_item_remove": rule(MISSING_OBJECT, method="POST", note=MISSING),
    "analytics:bulletin_publish": rule(MISSING_OBJECT, method="POST", note=MISSING),
    "analytics:alert_list": rule(ANALYST_ONLY),
    "analytics:alert_new": rule(ANALYST_ONLY),
    "analytics:alert_detail": rule(MISSING_OBJECT, note=MISSING),
    "analytics:organisation_alerts": rule(
        outcomes(ALLOW, anonymous=LOGIN, reporter=FORBIDDEN, other_reporter=FORBIDDEN, analyst=FORBIDDEN),
        note="safety leads and administrators, their own organisation's alerts",
    ),
    "analytics:alert_respond": rule(MISSING_OBJECT, note=MISSING),
    "analytics:open_data": rule(ANALYST_ONLY),
    "analytics:open_data_download": rule(
        MISSING_OBJECT, kwargs={"quarter": "2026-Q1", "filename": "missing.csv"}, note=MISSING
    ),
    # Queries (issue 17): safety leads count their own organisation's reports; analysts the national pool
    "queries:list": rule(QUERY_BUILDERS),
    "queries:builder": rule(QUERY_BUILDERS, note="a safety lead's own organisation; analysts approved copies only"),
    "queries:save": rule(QUERY_BUILDERS, method="POST", note="an empty form is a 400"),
    "queries:export_unsaved": rule(QUERY_BUILDERS, kwargs={"file_format": "csv"}, note="no query given: a 400"),
    # @query_id: a query of A's safety lead, shared in A; outsiders and people who build no queries get a 404
    "queries:detail": rule(SAVED_QUERY),
    "queries:edit": rule(SAVED_QUERY, note="the owner only (colleagues it is shared with: 403)"),
    "queries:delete": rule(SAVED_QUERY, note="GET is the confirmation page; the owner only"),
    "queries:pin": rule(SAVED_QUERY, method="POST", note="each person's own dashboard"),
    "queries:schedule": rule(SAVED_QUERY, note="the owner only"),
    "queries:export": rule(SAVED_QUERY, kwargs={"file_format": "csv"}),
    # Learning engine: suggestions, search, signals, model versions
    "learning:report": rule(REVIEWER_OF_REPORT),
    "learning:suggestion_decide": rule(MISSING_OBJECT, method="POST", note=MISSING),
    "learning:search": rule(
        outcomes(FORBIDDEN, anonymous=LOGIN, reviewer=ALLOW, other_reviewer=ALLOW, analyst=ALLOW),
        note="reviewers search their own organisation; analysts only approved de-identified text",
    ),
    "learning:signals": rule(ANALYST_ONLY),
    "learning:signal_detail": rule(MISSING_OBJECT, note=MISSING),
    "learning:signal_decide": rule(MISSING_OBJECT, method="POST", note=MISSING),
    "learning:models": rule(outcomes(FORBIDDEN, anonymous=LOGIN, reviewer=ALLOW, other_reviewer=ALLOW, analyst=ALLOW)),
    # Organisation administration (issue 16): the organisation's own administrators only; @org_slug is A
    "organisations:people": rule(ORG_ADMIN_OF_ORG),
    "organisations:invite": rule(ORG_ADMIN_OF_ORG),
    "organisations:person": rule(ORG_ADMIN_OF_ORG, note="a member of A (the reporter)"),
    "organisations:person_deactivate": rule(ORG_ADMIN_OF_ORG, note="GET is the confirmation page"),
    "organisations:person_reactivate": rule(ORG_ADMIN_OF_ORG, method="POST", note="unconfirmed: no change"),
    "organisations:person_reset_two_factor": rule(ORG_ADMIN_OF_ORG, note="GET is the confirmation page"),
    "organisations:settings": rule(ORG_ADMIN_OF_ORG),
    "organisations:brand_css": rule(PUBLIC, note="the organisation's header colour: public like its name"),
    "organisations:logo": rule(outcomes(NOT_FOUND), note="organisation A has no logo in the fixtures"),
    "organisations:invitation_accept": rule(
        outcomes(NOT_FOUND), kwargs={"token": "not-a-token"}, note="unknown link: a 404 page saying what to do"
    ),
    # Single sign-on: public by nature (signing in); the provider must exist and be enabled
    "sso:choose": rule(PUBLIC),
    "sso:start": rule(outcomes(NOT_FOUND), note="unknown provider id: 404 for everyone"),
    "sso:callback": rule(outcomes(DENY), note="no sign-in under way: refused with a clear page, never signed in"),
    # Case reviews (learning from serious case reviews)
    "casereviews:library": rule(
        outcomes(FORBIDDEN, anonymous=LOGIN, reviewer=ALLOW, other_reviewer=ALLOW, analyst=ALLOW)
    ),
    "casereviews:recommendations": rule(
        outcomes(FORBIDDEN, anonymous=LOGIN, reviewer=ALLOW, other_reviewer=ALLOW, analyst=ALLOW)
    ),
    "casereviews:search": rule(
        outcomes(FORBIDDEN, anonymous=LOGIN, reviewer=ALLOW, other_reviewer=ALLOW, analyst=ALLOW),
        note="published reviews are public documents: the same readers as the library",
    ),
    "casereviews:review_new": rule(ANALYST_ONLY),
    "casereviews:recurrence": rule(ANALYST_ONLY),
    "casereviews:recurrence_csv": rule(ANALYST_ONLY),
    "casereviews:recurrence_refresh": rule(ANALYST_ONLY, method="POST"),
    "casereviews:for_report": rule(REVIEWER_OF_REPORT),
    "casereviews:assignment_update": rule(MISSING_OBJECT, method="POST", note=MISSING),
    "casereviews:finding_detail": rule(MISSING_OBJECT, note=MISSING),
    "casereviews:recommendation_assign": rule(MISSING_OBJECT, method="POST", note=MISSING),
    "casereviews:review_detail": rule(MISSING_OBJECT, note=MISSING),
    "casereviews:review_add_items": rule(MISSING_OBJECT, method="POST", note=MISSING),
    # Public reporting link kit (issue 16): the organisation's administrators and safety leads
    "kit:page": rule(KIT),
    "kit:poster": rule(KIT),
    "kit:cards": rule(KIT),
    # National administrators (issue 16): org admins of the national body; no fixture principal is one, so
    # safelearn/organisations/tests/test_national.py proves they get in and everyone here is refused
    "national:organisations": rule(NATIONAL_ADMIN),
    "national:organisation_new": rule(NATIONAL_ADMIN),
    "national:jobs": rule(NATIONAL_ADMIN),
    # Imports (organisation administrators)
    "imports:upload": rule(outcomes(FORBIDDEN, anonymous=LOGIN, org_admin=ALLOW)),
    "imports:batch": rule(MISSING_OBJECT, note=MISSING),
    # API (/api/v1/): public submission and receipt look-ups; review endpoints for safety leads
    "api-v1:openapi-json": rule(PUBLIC),
    "api-v1:openapi-view": rule(PUBLIC),
    "api-v1:api-root": rule(outcomes(NOT_FOUND), note="nothing at the root"),
    "api-v1:submit_report": rule(PUBLIC, method="POST"),
    "api-v1:list_locations": rule(
        outcomes(UNAUTHORISED), note="API tokens with report:submit only; their own organisation's locations"
    ),
    "api-v1:receipt_status": rule(PUBLIC, method="POST", note="only with a valid receipt code"),
    "api-v1:receipt_reply": rule(PUBLIC, method="POST", note="only with a valid receipt code"),
    "api-v1:list_reports": rule(
        outcomes(ALLOW, anonymous=UNAUTHORISED), note="lists only reports the caller reviews (empty for others)"
    ),
    "api-v1:get_report": rule(API_REVIEWER_OF_REPORT, shows_raw=NARRATIVE_READ),
    "api-v1:grade_harm": rule(
        API_REVIEWER_OF_REPORT,
        method="POST",
        json={"physical_harm": "none", "psychological_harm": "low", "missed_opportunity": False},
        shows_raw=NARRATIVE_READ,
    ),
    "api-v1:transition_report": rule(
        API_REVIEWER_OF_REPORT, method="POST", json={"to_status": "triaged"}, shows_raw=NARRATIVE_READ
    ),
    # API review work (issue 9): same services as the report page; GET and POST on one path are two names
    "api-v1:assign_report": rule(API_REVIEWER_OF_REPORT, method="POST", json={"assignee": "reviewer"}),
    "api-v1:get_assessment": rule(API_REVIEWER_OF_REPORT),
    "api-v1:grade_report": rule(
        API_REVIEWER_OF_REPORT, method="POST", json={"consequence": 2, "likelihood": 2, "harm": "low_harm"}
    ),
    "api-v1:set_response_level": rule(
        API_REVIEWER_OF_REPORT, method="POST", json={"level": "local_learning", "reason": "Matrix check"}
    ),
    "api-v1:list_clocks": rule(API_REVIEWER_OF_REPORT),
    "api-v1:start_clock": rule(API_REVIEWER_OF_REPORT, method="POST", json={"duty": "not-a-duty"}),
    "api-v1:record_notification": rule(
        API_REVIEWER_OF_REPORT, method="POST", json={"notified_to": "Ofsted", "notified_at": "2026-01-05T10:00:00Z"}
    ),
    "api-v1:clock_not_required": rule(API_REVIEWER_OF_REPORT, method="POST", json={"reason": "Does not apply"}),
    "api-v1:list_actions": rule(API_REVIEWER_OF_REPORT),
    "api-v1:create_action": rule(
        API_REVIEWER_OF_REPORT,
        method="POST",
        json={"title": "Check", "measure": "Audit", "owner": "reviewer", "due_on": "2099-01-01"},
    ),
    "api-v1:update_action": rule(API_REVIEWER_OF_REPORT, method="POST", json={"status": "in_progress"}),
    "api-v1:send_feedback": rule(API_REVIEWER_OF_REPORT, method="POST", json={"body": "Thank you: we changed it."}),
    "api-v1:get_conversation": rule(API_REVIEWER_OF_REPORT),
    "api-v1:post_question": rule(API_REVIEWER_OF_REPORT, method="POST", json={"body": "Can you tell us more?"}),
    "api-v1:export_reports": rule(
        outcomes(FORBIDDEN, anonymous=UNAUTHORISED, reviewer=ALLOW, other_reviewer=ALLOW),
        note="each safety lead's own organisations' reports only",
    ),
    # API analytics: national analysts (tokens: analytics:read, national organisation, created by an analyst of it)
    "api-v1:pool": rule(outcomes(FORBIDDEN, anonymous=UNAUTHORISED, analyst=ALLOW)),
    "api-v1:aggregates": rule(outcomes(FORBIDDEN, anonymous=UNAUTHORISED, analyst=ALLOW)),
    "api-v1:open_data": rule(outcomes(FORBIDDEN, anonymous=UNAUTHORISED, analyst=ALLOW), kwargs={"quarter": "2026-Q1"}),
    "api-v1:open_data_csv": rule(
        outcomes(FORBIDDEN, anonymous=UNAUTHORISED, analyst=ALLOW), kwargs={"quarter": "2026-Q1"}
    ),
    # API saved queries (issue 17): only someone who could open the query in the browser; national ones suppressed
    "api-v1:run_saved_query": rule({**SAVED_QUERY, "anonymous": UNAUTHORISED}),
    # API tokens (organisation administrators) and report exports (safety leads, their own organisation)
    "integrations:token_list": rule(outcomes(FORBIDDEN, anonymous=LOGIN, org_admin=ALLOW)),
    "integrations:token_new": rule(outcomes(FORBIDDEN, anonymous=LOGIN, org_admin=ALLOW)),
    "integrations:token_revoke": rule(
        MISSING_OBJECT, kwargs={"token_id": "00000000-0000-4000-8000-000000000000"}, note=MISSING
    ),
    "integrations:export_csv": rule(ANY_REVIEWER, note="each safety lead's own organisations' reports only"),
    "integrations:export_xlsx": rule(ANY_REVIEWER, note="each safety lead's own organisations' reports only"),
    # Django admin: its own sign-in; logging out is harmless
    "admin:login": rule(PUBLIC),
    "admin:logout": rule(PUBLIC, method="POST"),
}

#: Every route under these prefixes (named or not) shares the rule, unless POLICY names it.
PREFIX_RULES: dict[str, Rule] = {
    "django-admin/": rule(ADMIN_ONLY, note="Django admin: staff accounts only, behind its own sign-in"),
}


def rule_for(name: str, route: str) -> Rule | None:
    if name and name in POLICY:
        return POLICY[name]
    for prefix, prefix_rule in PREFIX_RULES.items():
        if route.startswith(prefix):
            return prefix_rule
    return None
