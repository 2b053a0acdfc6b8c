"""PostgreSQL: keep each search index entry's body tsvector compressed in its row
rather than in TOAST (STORAGE MAIN), so that testing an article's entry during a search
reads one row, not a row, a TOAST index and its chunks (bench/RESULTS.md, "Search").
Rows written before keep their place until they are written again
(`manage.py update_index`). SQLite: nothing to do."""

from django.db import migrations


def storage(kind: str):
    def alter(apps, schema_editor):
        if schema_editor.connection.vendor != "postgresql":
            return
        table = schema_editor.quote_name(apps.get_model("wagtailsearch", "IndexEntry")._meta.db_table)
        schema_editor.execute(f"ALTER TABLE {table} ALTER COLUMN body SET STORAGE {kind}")

    return alter


class Migration(migrations.Migration):
    dependencies = [
        ("newsroom", "0009_one_info_page_message"),
        ("wagtailsearch", "0010_add_text_fields"),
    ]

    operations = [migrations.RunPython(storage("MAIN"), storage("EXTENDED"))]
