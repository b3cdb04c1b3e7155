from django.apps import AppConfig


class QueriesConfig(AppConfig):
    name = "safelearn.queries"
    label = "queries"
    verbose_name = "Queries and reports"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        # Queries sit above analytics: the dashboard asks its tile providers, and saved queries register one
        # here (no import of queries from analytics).
        from safelearn.analytics.tiles import tile_provider_register
        from safelearn.queries.tiles import pinned_query_tiles

        tile_provider_register(pinned_query_tiles)
