import json

from django.db import migrations, models

MONTH_PAGE = 500  # newsroom.models.counts.MONTH_PAGE when this was written


def count_pages(apps, schema_editor):
    """Each month's number of sitemap pages, from its days (counts.sitemap_pages(), as
    it cut them then): a few hundred rows an edition, at a million articles too."""
    MonthCount = apps.get_model("newsroom", "MonthCount")
    changed = []
    for row in MonthCount.objects.only("days").iterator(chunk_size=2_000):
        pages, size = 0, 0
        for _, number, _ in json.loads(row.days):
            if pages and size + number <= MONTH_PAGE:
                size += number
            else:
                pages, size = pages + 1, number
        row.pages = pages
        changed.append(row)
    MonthCount.objects.bulk_update(changed, ["pages"], batch_size=2_000)


class Migration(migrations.Migration):
    dependencies = [
        ("newsroom", "0018_paragraphs_rendered_in_python"),
    ]

    operations = [
        migrations.AddField(
            model_name="monthcount",
            name="pages",
            field=models.PositiveIntegerField(default=1, verbose_name="sitemap pages"),
        ),
        migrations.RunPython(count_pages, migrations.RunPython.noop, elidable=True),
    ]
