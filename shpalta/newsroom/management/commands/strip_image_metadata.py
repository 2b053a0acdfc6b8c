"""Writes again, without EXIF, GPS or other metadata, the images uploaded before uploads
were stripped (shpalta/newsroom/uploads.py), and drops their renditions, which copied it."""

from django.core.management.base import BaseCommand

from shpalta.newsroom.models import NewsImage
from shpalta.newsroom.uploads import UnsupportedImageError, has_metadata, without_metadata


class Command(BaseCommand):
    help = "Strip EXIF, GPS and other metadata from stored images (safe to repeat)."

    def handle(self, *args, **options):
        stripped = unreadable = 0
        for image in NewsImage.objects.iterator():
            try:
                with image.open_file() as handle:
                    data = handle.read()
                if not has_metadata(data):
                    continue
                clean = without_metadata(data, name=image.file.name.rsplit("/", 1)[-1])
            except (OSError, UnsupportedImageError) as error:
                unreadable += 1
                self.stderr.write(f"Image {image.pk} ({image.file.name}): {error}")
                continue
            old_name = image.file.name
            image.file.save(clean.name, clean, save=False)
            image._set_image_file_metadata()
            image.save()
            image.file.storage.delete(old_name)
            image.renditions.all().delete()
            stripped += 1
        self.stdout.write(f"Images stripped of metadata: {stripped}; unreadable: {unreadable}.")
