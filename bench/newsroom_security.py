"""What issue 16's security targets cost, measured: sign-in answers for known and unknown
user names take the same time (median within 10 ms), and a decompression bomb is refused
quickly without the worker growing (within 2 s, under 300 MB).

    SECRET_KEY=x python bench/newsroom_security.py

Everything runs in-process through Django's test client against a fresh SQLite database
in a temporary directory (real views, middleware, django-axes and the password hasher);
each upload is measured in a process of its own so that its peak memory is its own.
Nothing is kept between sign-ins: each comes from an address of its own, so no lockout
answers early.
"""

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "shpalta.settings")
if "SHPALTA_VAR_DIR" not in os.environ:
    os.environ["SHPALTA_VAR_DIR"] = tempfile.mkdtemp(prefix="shpalta-bench-security-")
os.environ.setdefault("SIGN_IN_ADDRESS_FAILURES", "100000")
os.environ.setdefault("ALLOWED_HOSTS", "testserver")

SIGN_INS = 100
PASSWORD = "correct-horse-battery-staple"  # noqa: S105  (a throwaway database)


def setup():
    import django

    django.setup()
    import logging

    from django.core.management import call_command

    logging.getLogger("axes").setLevel(logging.ERROR)  # each failure is the point here
    if not os.environ.get("BENCH_SECURITY_READY"):
        call_command("migrate", verbosity=0)
        call_command("setup_newsroom", verbosity=0)
        call_command("collectstatic", interactive=False, verbosity=0)
        os.environ["BENCH_SECURITY_READY"] = "1"  # the children reuse the database


def sign_in_times() -> None:
    from django.contrib.auth import get_user_model
    from django.test import Client

    get_user_model().objects.create_user("editor", password=PASSWORD)
    known, unknown = [], []
    for number in range(SIGN_INS):
        for name, times in (("editor", known), (f"nobody{number}", unknown)):
            client = Client(REMOTE_ADDR=f"10.{number % 250}.{len(times) % 250}.{len(known) % 250}")
            started = time.perf_counter()
            response = client.post("/admin/login/", {"username": name, "password": "wrong-one"})
            times.append((time.perf_counter() - started) * 1000)
            assert response.status_code == 200, response.status_code
    known_median, unknown_median = statistics.median(known), statistics.median(unknown)
    print(f"sign-in, wrong password, {SIGN_INS} each (ms, median / p90):")
    for label, times, median in (
        ("known", known, known_median),
        ("unknown", unknown, unknown_median),
    ):
        p90 = statistics.quantiles(times, n=10)[-1]
        print(f"  {label + ' user name':18} {median:7.1f} / {p90:.1f}")
    print(f"  difference of medians {abs(known_median - unknown_median):.1f} ms (target ≤ 10)")


def peak_memory_mb() -> float:
    """This process's peak resident memory (VmHWM): its own, where ru_maxrss after a
    spawn may still count the parent's."""
    status = Path("/proc/self/status").read_text()
    return int(status.split("VmHWM:")[1].split()[0]) / 1024


def one_upload(path: str) -> None:
    """Run in a child: upload one file through the admin; print its size, the answer, the
    seconds, and the process's peak memory before and after (MB)."""
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group
    from django.core.files.uploadedfile import SimpleUploadedFile
    from django.test import Client

    from tests.conftest import sign_in

    user, _created = get_user_model().objects.get_or_create(username=f"bench-{Path(path).stem}")
    user.groups.add(Group.objects.get(name="Reporters"))
    client = Client()
    sign_in(client, user)
    client.get("/admin/images/")  # the admin's imports and templates, before the baseline
    data = Path(path).read_bytes()
    before = peak_memory_mb()
    started = time.perf_counter()
    response = client.post(
        "/admin/images/add/",
        {"title": "bench", "file": SimpleUploadedFile(Path(path).name, data)},
    )
    seconds = time.perf_counter() - started
    peak = peak_memory_mb()
    print(f"{len(data)} {response.status_code} {seconds:.3f} {before:.0f} {peak:.0f}")


def uploads() -> None:
    import io

    from PIL import Image

    from tests.newsroom.test_image_uploads import bomb_png

    folder = Path(tempfile.mkdtemp(prefix="shpalta-bench-uploads-"))
    (folder / "bomb.png").write_bytes(bomb_png())
    photo = io.BytesIO()
    Image.effect_noise((6000, 4000), 64).convert("RGB").save(photo, "JPEG", quality=90)
    (folder / "photo.jpg").write_bytes(photo.getvalue())
    print("image upload through the admin, each in a fresh process (peak memory: VmHWM):")
    print("  file                          bytes  answer  seconds  MB before  MB peak")
    for name, label in (
        ("bomb.png", "20,000 × 20,000 PNG bomb"),
        ("photo.jpg", "24 MP JPEG photo"),
    ):
        line = subprocess.run(  # noqa: S603  (this interpreter, this script)
            [sys.executable, __file__, "--upload", str(folder / name)],
            env=os.environ,
            capture_output=True,
            text=True,
            check=True,
        ).stdout.split()
        size, status, seconds, before, peak = line
        print(
            f"  {label:26} {int(size):10,}  {status:>6}  {float(seconds):7.3f}"
            f"  {before:>9}  {peak:>7}"
        )
    print("  (the bomb's answer is the form again with its error: 200, nothing stored)")


if __name__ == "__main__":
    setup()
    if sys.argv[1:2] == ["--upload"]:
        one_upload(sys.argv[2])
    else:
        sign_in_times()
        uploads()
