"""Images as the newsroom uploads them: stored without their metadata. A photo's EXIF can
carry the GPS position it was taken at, the camera's serial number and its owner's name,
enough to find a source or a reporter; renditions copy what the original holds
(Willow keeps EXIF), so the original itself is written again without it.

Wagtail's image field has already recognised the file by its content (the extension must
name the format Pillow finds), refused SVG and what Pillow cannot open, and refused too
many pixels from the header alone (a decompression bomb never gets decoded), before
`without_metadata` decodes anything."""

import io

from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image, ImageOps, ImageSequence

# What each format keeps when written again: the colour profile (no person in it) and, for
# animations, their timing. EXIF, XMP, IPTC, comments and text chunks are not kept.
KEPT_INFO = {"icc_profile", "transparency", "duration", "loop", "background"}
METADATA_INFO = {"exif", "xmp", "XML:com.adobe.xmp", "comment", "photoshop", "iptc"}
SAVE_OPTIONS = {
    "JPEG": {"quality": 95},
    "PNG": {},
    "WEBP": {"quality": 95},
    "GIF": {},
    "AVIF": {"quality": 90},
}


ORIENTATION = 0x0112  # EXIF


class UnsupportedImageError(ValueError):
    pass


def without_metadata(data: bytes, *, name: str) -> SimpleUploadedFile:
    """The image in the same format, turned upright as its EXIF orientation said, with
    nothing but its pixels, colour profile and animation timing."""
    with Image.open(io.BytesIO(data)) as image:
        image_format = image.format
        if image_format not in SAVE_OPTIONS:
            raise UnsupportedImageError(image_format)
        options = dict(SAVE_OPTIONS[image_format])
        if getattr(image, "n_frames", 1) > 1:
            frames = [_bare(frame.copy()) for frame in ImageSequence.Iterator(image)]
            first = frames[0]
            options.update(
                save_all=True,
                append_images=frames[1:],
                duration=[frame.info.get("duration", 100) for frame in frames],
                loop=image.info.get("loop", 0),
            )
        elif image.getexif().get(ORIENTATION, 1) != 1:
            first = _bare(ImageOps.exif_transpose(image))
        else:
            image.load()  # no upright copy needed: one decoded image in memory, not two
            first = _bare(image)
        if "icc_profile" in first.info:
            options["icc_profile"] = first.info["icc_profile"]
        if "transparency" in first.info and image_format in {"PNG", "GIF"}:
            options["transparency"] = first.info["transparency"]
        out = io.BytesIO()
        first.save(out, format=image_format, **options)
    return SimpleUploadedFile(name, out.getvalue(), content_type=Image.MIME[image_format])


def _bare(image: Image.Image) -> Image.Image:
    image.info = {key: value for key, value in image.info.items() if key in KEPT_INFO}
    return image


def has_metadata(data: bytes) -> bool:
    """Whether the image carries EXIF, XMP, IPTC, a comment or text chunks (what Pillow
    reports of the format itself, such as JFIF density, is not metadata)."""
    with Image.open(io.BytesIO(data)) as image:
        return (
            bool(image.getexif())
            or bool(METADATA_INFO & set(image.info))
            or bool(getattr(image, "text", None))
        )
