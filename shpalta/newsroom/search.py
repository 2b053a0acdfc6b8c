"""Search that understands word forms, for the reader's search page, the API and the
newsroom's lists: Ukrainian and Russian through pymorphy3's dictionaries, English through
the Snowball stemmer.

Words are reduced to their dictionary forms (lemmas) on both sides: an article is indexed
as the lemmas of its words (`document`), a query is turned into lemmas (`Query`), and the
search backend (Wagtail's: SQLite FTS5, PostgreSQL, or Elasticsearch/OpenSearch) matches
lemma against lemma. So "дронами" finds "дрон", "дронів" and "дрони", "Києві" finds
"Київ", and a Russian "дронов" typed in the Ukrainian edition finds "дронів" there.

Lemmas are folded the way readers type: apostrophes (’ ' ʼ) dropped, ґ as г, ё as е,
lower case; a hyphenated word is indexed and searched by its parts.

A document is two runs of lemmas: first the most likely lemma of each word, in the text's
order (what a quoted phrase matches), then every other lemma a word may have ("Київ" may
be a form of "кий"), so that an ambiguous word is found under each of its readings.
"""

import re
from dataclasses import dataclass, field
from functools import cache, lru_cache

import pymorphy3
import snowballstemmer
from wagtail.search.query import And, Or, Phrase, PlainText, SearchQuery

MAX_QUERY_LENGTH = 200  # characters; longer queries are cut, and the page says so
MAX_QUERY_WORDS = 12  # a query is an AND of its words; more than this adds no precision

# A word: letters and digits, joined by apostrophes or hyphens inside it.
_WORD = re.compile(r"\w+(?:['’ʼ`‘][\w]+)*(?:-\w+(?:['’ʼ`‘]\w+)*)*")
_QUOTED = re.compile(r"[\"«»„“”]([^\"«»„“”]+)[\"«»„“”]")
_APOSTROPHES = re.compile(r"['’ʼ`‘]")  # ʼ (U+02BC) is a letter to \w: one more case
_CYRILLIC = re.compile(r"[а-яёіїєґ]")
_LATIN = re.compile(r"[a-z]")
_ONLY_UKRAINIAN = re.compile(r"[іїєґ]")
_ONLY_RUSSIAN = re.compile(r"[ыэъё]")
_FOLD = str.maketrans({"ґ": "г", "ё": "е"})
MORPHOLOGY = {"uk": "uk", "ru": "ru"}  # edition code → pymorphy3 dictionary
# Words that carry no subject: a query does not require them (a quoted phrase does).
STOP_WORDS = frozenset(
    {
        *("в", "у", "і", "й", "та", "а", "але", "або", "на", "з", "із", "зі", "до", "по"),
        *("за", "від", "для", "про", "як", "що", "це", "не", "ні", "же", "ж"),
        *("и", "или", "но", "с", "со", "к", "от", "о", "об", "из", "что", "как", "это"),
        *("a", "an", "and", "or", "the", "of", "in", "on", "at", "to", "for", "by", "with"),
        *("from", "is", "are", "was", "were", "be", "not"),
    }
)


@cache
def _morph(language: str) -> pymorphy3.MorphAnalyzer:
    return pymorphy3.MorphAnalyzer(lang=language)


@cache
def _stemmer():
    return snowballstemmer.stemmer("english")


def words(text: str) -> list[str]:
    """The words of a text, as readers type them: lower case, apostrophes the same."""
    found = (_APOSTROPHES.sub("'", word).strip("'") for word in _WORD.findall(text.lower()))
    return [word for word in found if word.strip("'-")]


def fold(lemma: str) -> str:
    return lemma.translate(_FOLD).replace("'", "")


@lru_cache(maxsize=300_000)
def lemmas(word: str, language: str) -> tuple[str, ...]:
    """The dictionary forms of one word (lower case, no hyphen), most likely first, in the
    language given ("uk", "ru" or "en"); a word of another script is taken as it is."""
    if _CYRILLIC.search(word) and language in MORPHOLOGY:
        morph = _morph(MORPHOLOGY[language])
        parses = morph.parse(word)
        if morph.word_is_known(word):
            # Every reading the dictionary gives ("энергетики": энергетика, энергетик).
            found = [fold(parse.normal_form) for parse in parses]
        else:
            # Guesses from the word's ending: the likeliest few.
            best = parses[0].score if parses else 0
            found = [fold(parse.normal_form) for parse in parses if parse.score >= best / 2][:3]
        return tuple(dict.fromkeys(found)) or (fold(word),)
    if _LATIN.search(word) and not _CYRILLIC.search(word):
        return (_stemmer().stemWord(fold(word)),)
    return (fold(word),)


def _parts(word: str) -> list[str]:
    return [part for part in word.split("-") if part]


def document(text: str, language: str) -> str:
    """A text as the index holds it: the most likely lemma of each word in order, then the
    other lemmas of the ambiguous ones."""
    first, more = [], []
    for word in words(text):
        for part in _parts(word):
            found = lemmas(part, language)
            first.append(found[0])
            more.extend(found[1:])
    return " ".join(first + more)


@dataclass
class Query:
    """What a reader typed, as lemmas: each word may be any of its lemmas (`term`), every
    word but the function words must be found, and quoted phrases as phrases (their
    words' likeliest lemmas in the edition's language, in order)."""

    text: str
    language: str | None  # the edition's; None in the newsroom's lists (all editions)
    truncated: bool = False
    terms: list[tuple[str, ...]] = field(default_factory=list)  # one tuple per word
    phrases: list[tuple[str, ...]] = field(default_factory=list)

    @classmethod
    def parse(cls, text: str, language: str | None) -> "Query":
        text = text.replace("\x00", " ").strip()
        query = cls(text=text[:MAX_QUERY_LENGTH], language=language)
        query.truncated = len(text) > MAX_QUERY_LENGTH
        for phrase in _QUOTED.findall(query.text):
            lemmas_of_phrase = tuple(
                lemmas(part, language or "uk")[0] for word in words(phrase) for part in _parts(word)
            )
            if len(lemmas_of_phrase) > 1:
                query.phrases.append(lemmas_of_phrase)
        seen = set()
        for word in words(query.text):  # a phrase's words are required words too
            for part in _parts(word):
                if part in STOP_WORDS:
                    continue
                term = query.term(part)
                if term not in seen:
                    seen.add(term)
                    query.terms.append(term)
        query.terms = query.terms[:MAX_QUERY_WORDS]
        return query

    def term(self, word: str) -> tuple[str, ...]:
        """The lemmas one word may stand for: a Cyrillic word in Ukrainian and in Russian
        (unless its letters say which: і ї є ґ, or ы э ъ ё), so that a Russian word typed
        in the Ukrainian edition finds that edition's stories; a Latin word in English."""
        if not _CYRILLIC.search(word):
            languages = ["en"]
        elif _ONLY_UKRAINIAN.search(word):
            languages = ["uk"]
        elif _ONLY_RUSSIAN.search(word):
            languages = ["ru"]
        else:
            languages = [self.language] if self.language in MORPHOLOGY else []
            languages += [code for code in MORPHOLOGY if code not in languages]
        found = [lemma for language in languages for lemma in lemmas(word, language)]
        return tuple(dict.fromkeys(found))

    def __bool__(self) -> bool:
        return bool(self.terms)

    @property
    def lemma_set(self) -> set[str]:
        return {lemma for term in self.terms for lemma in term}

    def search_query(self) -> SearchQuery:
        """The query for Wagtail's search backends."""
        parts = [
            PlainText(term[0]) if len(term) == 1 else Or([PlainText(lemma) for lemma in term])
            for term in self.terms
        ]
        parts += [Phrase(" ".join(phrase)) for phrase in self.phrases]
        return parts[0] if len(parts) == 1 else And(parts)


# Letters a typing slip may put in a word, per script (spellings).
_ALPHABETS = {
    "uk": "абвгдеєжзиіїйклмнопрстуфхцчшщьюя",
    "ru": "абвгдеёжзийклмнопрстуфхцчшщъыьэюя",
    "en": "abcdefghijklmnopqrstuvwxyz",
}
MAX_RESPELLED_WORDS = 3  # words of one query tried for a near spelling, the longest first


def _edits(word: str, alphabet: str) -> list[str]:
    """Every word one slip from `word`: two letters swapped, one replaced, left out or
    added (Norvig's spelling corrector), the likeliest slips first."""
    splits = [(word[:i], word[i:]) for i in range(len(word) + 1)]
    swapped = [a + b[1] + b[0] + b[2:] for a, b in splits if len(b) > 1]
    replaced = [a + letter + b[1:] for a, b in splits if b for letter in alphabet]
    left_out = [a + b[1:] for a, b in splits if b]
    added = [a + letter + b for a, b in splits for letter in alphabet]
    return [edit for edit in dict.fromkeys(swapped + replaced + left_out + added) if edit != word]


def spellings(word: str) -> list[str]:
    """Words one slip away from `word` that may be what the reader meant: for a Cyrillic
    word, those pymorphy3's Ukrainian or Russian dictionary knows; for a Latin word, all
    of them (the index then says which exist)."""
    if _CYRILLIC.search(word):
        known = []
        for language in MORPHOLOGY:
            morph = _morph(MORPHOLOGY[language])
            known += [
                edit for edit in _edits(word, _ALPHABETS[language]) if morph.word_is_known(edit)
            ]
        return list(dict.fromkeys(known))
    if _LATIN.search(word) and word.isalpha():
        return _edits(word, _ALPHABETS["en"])
    return []


def respelled(query: Query, indexed) -> str | None:
    """The query with its words that the index does not hold replaced by a near spelling
    that it does ("переговри" → "переговори"), or None when no word needs it or none can
    be mended. `indexed(lemmas)`: which of these lemmas the index holds."""
    wanted = {}
    for word in words(query.text):
        if 4 <= len(word) <= 20 and word not in STOP_WORDS and "-" not in word:
            wanted[word] = query.term(word)
    held = indexed({lemma for term in wanted.values() for lemma in term})
    unknown = [word for word, term in wanted.items() if not held.intersection(term)]
    if not unknown:
        return None
    unknown = sorted(unknown, key=len, reverse=True)[:MAX_RESPELLED_WORDS]
    candidates = {word: {edit: query.term(edit) for edit in spellings(word)} for word in unknown}
    held = indexed(
        {lemma for edits in candidates.values() for term in edits.values() for lemma in term}
    )
    fixed = {}
    for word, edits in candidates.items():
        fixed[word] = next((edit for edit, term in edits.items() if held.intersection(term)), None)
    if not all(fixed.values()):
        return None

    def mend(match):
        text = match.group()
        return fixed.get(_APOSTROPHES.sub("'", text.lower()).strip("'"), text)

    return _WORD.sub(mend, query.text)


def highlight(text: str, query: Query, *, width: int = 240) -> list[tuple[str, bool]]:
    """A passage of `text` around the first word the query matches, as (piece, matched)
    pairs for the template to mark; the start of the text if no word matches."""
    wanted = query.lemma_set
    matches = [
        match
        for match in _WORD.finditer(text)
        if any(
            wanted.intersection(lemmas(part, query.language or "uk"))
            for part in _parts(_APOSTROPHES.sub("'", match.group().lower()))
        )
    ]
    start = 0
    if matches:
        start = max(0, matches[0].start() - width // 3)
        start = text.rfind(" ", 0, start) + 1 if start else 0
    end = min(len(text), start + width)
    if end < len(text):
        end = text.rfind(" ", start, end) if text.rfind(" ", start, end) > start else end
    pieces, cursor = [], start
    for match in matches:
        if match.start() < start or match.end() > end:
            continue
        pieces.append((text[cursor : match.start()], False))
        pieces.append((match.group(), True))
        cursor = match.end()
    pieces.append((text[cursor:end], False))
    if start > 0:
        pieces.insert(0, ("…", False))
    if end < len(text):
        pieces.append(("…", False))
    return [(piece, matched) for piece, matched in pieces if piece]


def find(queryset, query: Query, **options):
    """The objects of `queryset` (articles) that the query finds (search_backend.find)."""
    from .search_backend import find as run

    return run(queryset, query, **options)
