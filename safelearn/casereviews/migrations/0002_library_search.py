"""Full-text search of findings and recommendations: an FTS5 table on SQLite, GIN indexes on PostgreSQL.

One migration for both databases: each step checks the connection's vendor, so SQLite never sees GIN and
PostgreSQL never sees FTS5 (CI migrates both).
"""

from typing import Any

from django.db import migrations

from safelearn.casereviews import search_index

PG_TABLES = ("casereviews_finding", "casereviews_recommendation")


def forwards(apps: Any, schema_editor: Any) -> None:
    conn = schema_editor.connection
    if conn.vendor == "sqlite":
        schema_editor.execute(search_index.CREATE_SQLITE)
        search_index.search_index_rebuild(conn)
    elif conn.vendor == "postgresql":
        for table in PG_TABLES:
            schema_editor.execute(search_index.pg_index_sql(table))


def backwards(apps: Any, schema_editor: Any) -> None:
    conn = schema_editor.connection
    if conn.vendor == "sqlite":
        schema_editor.execute(search_index.DROP_SQLITE)
    elif conn.vendor == "postgresql":
        for table in PG_TABLES:
            schema_editor.execute(f"DROP INDEX IF EXISTS {table}_text_fts")


class Migration(migrations.Migration):
    dependencies = [("casereviews", "0001_initial")]

    operations = [migrations.RunPython(forwards, backwards)]
