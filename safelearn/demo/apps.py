from django.apps import AppConfig


class DemoConfig(AppConfig):
    """Demo data and the synthetic-report generator: the top of the layers (it sets up data through every app,
    and no app imports it), so core stays below everything it serves."""

    name = "safelearn.demo"
    label = "demo"
    verbose_name = "Demo and synthetic data"
