"""Create the database cache table when the configured cache is the database cache.

So that ``migrate`` alone leaves a database ready to serve (rate limits and cached pages need the table);
``createcachetable`` skips tables that already exist, so running it again later is harmless.
"""

from django.core.management import call_command
from django.db import migrations


def create_cache_table(apps, schema_editor):
    call_command("createcachetable", database=schema_editor.connection.alias, verbosity=0)


class Migration(migrations.Migration):
    dependencies = [
        ("analytics", "0002_pool_day_summary"),
    ]

    operations = [
        migrations.RunPython(create_cache_table, migrations.RunPython.noop),
    ]
