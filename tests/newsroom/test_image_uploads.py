"""Image uploads through the admin: recognised by content, bombs and SVG refused with a
message, and no EXIF, GPS position, camera serial or owner's name left in the stored
original or in any rendition."""

import io
import struct
import zlib

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image, PngImagePlugin

from shpalta.newsroom.models import NewsImage

from ..conftest import sign_in

pytestmark = pytest.mark.django_db

SERIAL = "SN-4471-0093"
OWNER = "Olha Reporterka"
GPS_IFD = 0x8825


def photo_with_metadata(fmt: str = "JPEG") -> bytes:
    """A 600 × 400 photo, shot sideways (Orientation 6), with what a phone writes: GPS,
    camera serial number, owner's name, an XMP packet and a comment."""
    image = Image.new("RGB", (600, 400), (200, 30, 30))
    image.paste((30, 30, 200), (0, 0, 300, 400))
    exif = Image.Exif()
    exif[0x0112] = 6  # Orientation: rotate 90° clockwise to show
    exif[0x010F] = "PhoneMaker"
    exif[0x0110] = "Phone 15"
    exif[0x013B] = OWNER  # Artist
    exif[0xA431] = SERIAL  # BodySerialNumber (an Exif IFD tag written here in IFD0)
    gps = exif.get_ifd(GPS_IFD)
    gps.update({1: "N", 2: (50.0, 27.0, 1.5), 3: "E", 4: (30.0, 31.0, 24.0)})
    out = io.BytesIO()
    if fmt == "PNG":
        info = PngImagePlugin.PngInfo()
        info.add_text("Author", OWNER)
        info.add_text("Comment", f"camera {SERIAL}")
        image.save(out, "PNG", pnginfo=info, exif=exif)
    else:
        xmp = (
            f'<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:Description creator="{OWNER}"/></x:xmpmeta>'
        )
        image.save(out, fmt, exif=exif, xmp=xmp.encode(), comment=f"camera {SERIAL}")
    return out.getvalue()


def upload(client, name: str, data: bytes, content_type: str = "image/jpeg"):
    return client.post(
        reverse("wagtailimages:add"),
        {
            "title": "Фото з місця події",
            "file": SimpleUploadedFile(name, data, content_type=content_type),
            "credit": "Фото: Укрінформ",
        },
    )


def assert_no_metadata(data: bytes) -> None:
    for secret in (SERIAL.encode(), OWNER.encode(), b"PhoneMaker", b"xmpmeta"):
        assert secret not in data
    with Image.open(io.BytesIO(data)) as image:
        exif = image.getexif()
        assert GPS_IFD not in exif and not exif.get_ifd(GPS_IFD)
        assert 0x013B not in exif and 0xA431 not in exif
        assert not {"exif", "xmp", "comment", "Author", "Comment"} & set(image.info)


@pytest.mark.parametrize(
    ("fmt", "name"), [("JPEG", "shot.jpg"), ("PNG", "shot.png"), ("WEBP", "shot.webp")]
)
def test_the_stored_original_and_every_rendition_carry_no_metadata(client, reporter, fmt, name):
    original = photo_with_metadata(fmt)
    assert SERIAL.encode() in original or fmt == "WEBP"  # the phone's file does
    sign_in(client, reporter)
    response = upload(client, name, original, f"image/{fmt.lower()}")
    assert response.status_code == 302, response.content.decode()[:2000]

    image = NewsImage.objects.get()
    with image.open_file() as stored:
        stored_bytes = stored.read()
    assert_no_metadata(stored_bytes)
    with Image.open(io.BytesIO(stored_bytes)) as stored_image:
        assert stored_image.format == fmt
        if fmt != "PNG":  # PNG's eXIf orientation is not applied by phones' own writers
            assert stored_image.size == (400, 600)  # turned upright, as Orientation said
    assert (image.width, image.height) == Image.open(io.BytesIO(stored_bytes)).size
    for spec in ("width-400", "fill-300x200", "max-165x165|format-webp"):
        rendition = image.get_rendition(spec)
        with rendition.file.open("rb") as handle:
            assert_no_metadata(handle.read())


def test_an_animated_gif_keeps_its_frames_and_loses_its_comment(client, reporter):
    frames = [Image.new("RGB", (60, 40), colour) for colour in ("red", "green", "blue")]
    out = io.BytesIO()
    frames[0].save(
        out,
        "GIF",
        save_all=True,
        append_images=frames[1:],
        duration=120,
        loop=0,
        comment=f"camera {SERIAL}".encode(),
    )
    assert SERIAL.encode() in out.getvalue() and Image.open(out).n_frames == 3
    sign_in(client, reporter)
    assert upload(client, "loop.gif", out.getvalue(), "image/gif").status_code == 302
    with NewsImage.objects.get().open_file() as stored:
        data = stored.read()
    assert SERIAL.encode() not in data
    with Image.open(io.BytesIO(data)) as gif:
        assert gif.n_frames == 3 and gif.info.get("duration") == 120


def bomb_png(side: int = 20_000) -> bytes:
    """A PNG of side × side black pixels in a few dozen KB: 400 million pixels to decode."""

    def chunk(kind: bytes, body: bytes) -> bytes:
        return (
            struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))
        )

    row = b"\x00" + b"\x00" * (side // 8)
    packer = zlib.compressobj(9)
    idat = b"".join(packer.compress(row * 1000) for _ in range(side // 1000)) + packer.flush()
    header = struct.pack(">IIBBBBB", side, side, 1, 0, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", idat) + chunk(b"IEND", b"")
    )


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("bomb.png", bomb_png(), "занадто багато пікселів (невідома кількість)"),
        (
            "logo.svg",
            b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
            "формат, що не підтримується",
        ),
        ("notes.jpg", b"%PDF-1.4 not an image at all", "не є малюнком"),
        ("photo.jpg", photo_with_metadata("PNG"), "розширення не відповідає формату файлу (png)"),
    ],
    ids=["decompression-bomb", "svg", "not-an-image", "png-named-jpg"],
)
def test_what_is_not_a_photo_is_refused_with_a_message(client, reporter, name, data, message):
    sign_in(client, reporter)
    response = upload(client, name, data)
    assert response.status_code == 200
    html = response.content.decode()
    assert message.lower() in html.lower(), html[html.find("error") :][:1500]
    assert "Фото з місця події" in html  # what was typed stays
    assert not NewsImage.objects.exists()


def test_uploads_are_served_with_their_real_type_and_nosniff(client, reporter):
    sign_in(client, reporter)
    upload(client, "shot.jpg", photo_with_metadata("JPEG"))
    image = NewsImage.objects.get()
    client.logout()
    for url in (image.file.url, image.get_rendition("width-400").url):
        response = client.get(url)
        assert response.status_code == 200
        assert response["Content-Type"] == "image/jpeg"
        assert response["X-Content-Type-Options"] == "nosniff"


def test_images_stored_before_are_stripped_by_a_command(newsroom, capsys):
    from django.core.files.images import ImageFile
    from django.core.management import call_command

    image = NewsImage.objects.create(
        title="Старе фото", file=ImageFile(io.BytesIO(photo_with_metadata()), name="old.jpg")
    )
    image.get_rendition("width-400")
    call_command("strip_image_metadata")
    assert "stripped of metadata: 1" in capsys.readouterr().out
    image.refresh_from_db()
    with image.open_file() as stored:
        assert_no_metadata(stored.read())
    assert not image.renditions.exists()
    call_command("strip_image_metadata")  # nothing left to do
    assert "stripped of metadata: 0" in capsys.readouterr().out
