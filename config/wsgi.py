import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
application = get_wsgi_application()

# Start-up work the apps registered (the immediate-risk text model trains in the background, issue 14),
# so no submission waits for it.
from safelearn.core.warmup import warm_up  # noqa: E402

warm_up()
