"""Every string of ours exists in Ukrainian and Russian, the compiled catalogues that
Django reads say what the .po files say, and makemessages can find every string."""

import ast
from pathlib import Path

import pytest
from django.utils import translation

SOURCE = Path(__file__).resolve().parents[2] / "shpalta"
LOCALE = SOURCE / "locale"
GETTEXT = {"_", "gettext", "gettext_lazy", "ngettext", "ngettext_lazy", "pgettext", "npgettext"}


def read_po(path: Path) -> list[dict]:
    """Entries of a .po file: msgid, msgstr and flags (a reader for what makemessages writes)."""
    entries, entry, key = [], {"flags": set()}, None
    for line in [*path.read_text(encoding="utf-8").splitlines(), ""]:
        if not line.strip():
            if "msgid" in entry:
                entries.append(entry)
            entry, key = {"flags": set()}, None
        elif line.startswith("#,"):
            entry["flags"].update(flag.strip() for flag in line[2:].split(","))
        elif line.startswith(("msgctxt ", "msgid ", "msgstr ", "msgid_plural ", "msgstr[")):
            key, _space, literal = line.partition(" ")
            entry[key] = ast.literal_eval(literal)
            if key.startswith("msgstr["):  # a plural message: its forms, in order
                entry.setdefault("forms", []).append(key)
        elif line.startswith('"') and key:
            entry[key] += ast.literal_eval(line)
    return [e for e in entries if e["msgid"]]  # the header has an empty msgid


@pytest.mark.parametrize("language", ["uk", "ru"])
def test_every_message_is_translated(language):
    entries = read_po(LOCALE / language / "LC_MESSAGES" / "django.po")
    assert len(entries) > 50
    untranslated = [
        e["msgid"]
        for e in entries
        if not all(e.get(form) for form in e.get("forms", ["msgstr"])) or "fuzzy" in e["flags"]
    ]
    assert untranslated == []


@pytest.mark.parametrize("language", ["uk", "ru"])
def test_compiled_catalogue_matches_the_po_file(language):
    entries = read_po(LOCALE / language / "LC_MESSAGES" / "django.po")
    with translation.override(language):
        stale = [e["msgid"] for e in entries if _compiled(e) != e.get("msgstr", e.get("msgstr[0]"))]
    assert stale == [], "run `make messages` to compile the catalogues"


def _compiled(entry: dict) -> str:
    """What Django reads for an entry (a plural one: its first form)."""
    if "msgid_plural" in entry:
        return translation.ngettext(entry["msgid"], entry["msgid_plural"], 1)
    return translation.gettext(entry["msgid"])


def test_english_catalogue_has_every_message():
    english = {e["msgid"] for e in read_po(LOCALE / "en" / "LC_MESSAGES" / "django.po")}
    ukrainian = {e["msgid"] for e in read_po(LOCALE / "uk" / "LC_MESSAGES" / "django.po")}
    assert english == ukrainian


def test_no_message_is_marked_inside_an_f_string():
    """xgettext (makemessages) does not read inside f-strings: a string marked there is
    left out of the catalogues at the next `make messages`, and shown in English in every
    edition. (It dropped "Support us or become our patron!" once.)"""
    hidden = [
        f"{path.relative_to(SOURCE)}:{call.lineno} {ast.unparse(call)}"
        for path in SOURCE.rglob("*.py")
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
        if isinstance(node, ast.JoinedStr)
        for call in ast.walk(node)
        if isinstance(call, ast.Call)
        and isinstance(call.func, ast.Name)
        and call.func.id in GETTEXT
    ]
    assert hidden == []
