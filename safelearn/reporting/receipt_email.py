"""'Email it to me': the receipt code, its words and the check link, sent once to an address never kept.

The email goes out inside the request (not through the task queue, whose rows would hold the address
until the worker ran). Nothing here writes the address anywhere: not the database, the session, the
audit log or the log file, where a mail server's refusal would otherwise quote it back. Sends are
rate-limited per internet connection, like receipt look-ups, so the page is no use for sending mail
to strangers.
"""

from __future__ import annotations

import logging

from django.conf import settings
from django.core.mail import send_mail
from django.http import HttpRequest
from django.urls import reverse
from django.utils.translation import get_language, gettext

from safelearn.core.links import absolute_url
from safelearn.reporting.limits import ConnectionLimit

logger = logging.getLogger(__name__)

EMAIL_LIMIT = ConnectionLimit(group="receipt-email", setting="SAFELEARN_RECEIPT_EMAIL_RATE", default="5/h")
EMAIL_LIMIT_GROUP = EMAIL_LIMIT.group


def email_limited(request: HttpRequest) -> bool:
    """Count one send against the client's address; True once it is over the limit."""
    return EMAIL_LIMIT.hit(request)


def receipt_email_body(*, code: str, words: str) -> str:
    """Plain text in the visitor's language. No organisation name: an inbox may be shared or seen."""
    parts = [
        gettext("Here is your receipt code. Keep it safe."),
        code,
        gettext("Or use these 8 words. Either one opens your report:"),
        words,
        # Issue 21 (decision 0010): the words are English in every language, and the reader is told so.
        ""
        if get_language() == "en-gb"
        else gettext(
            "The words are English words, because our list of receipt words is in English. "
            "Type them in English, as they are shown here."
        ),
        gettext("To check your report and read our replies, go to:"),
        absolute_url(reverse("reporting:check_start")),
        gettext("We did not keep your email address."),
        gettext("If a child is in danger now, call 999."),
    ]
    return "\n\n".join(p for p in parts if p) + "\n"


def receipt_email_send(*, to: str, code: str, words: str) -> bool:
    """Send now; False when the mail server refuses or is down (the caller shows a plain message)."""
    try:
        send_mail(
            gettext("Your receipt code"),
            receipt_email_body(code=code, words=words),
            settings.DEFAULT_FROM_EMAIL,
            [to],
            fail_silently=False,
        )
    except Exception as exc:  # any mail failure: the reporter still has the code on screen
        # Only the kind of failure: SMTP errors quote the recipient's address back.
        logger.warning("receipt email not sent: %s", type(exc).__name__)
        return False
    return True
