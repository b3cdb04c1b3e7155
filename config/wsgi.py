import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
application = get_wsgi_application()

# Train the immediate-risk text model (issue 14) in the background now, so no submission waits for it.
from safelearn.learning.engine.risk_model import warm_in_background  # noqa: E402

warm_in_background()
