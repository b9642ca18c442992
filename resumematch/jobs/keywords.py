"""A posting's other keywords: the terms outside the taxonomy that a recruiter would search for.

Product, standard and tool names, acronyms and multi-word technical terms ("CLLI codes", "NEBS",
"Telcordia practices"), so that a posting for a role we never thought of still has something to
match. Never a heading, a phrase cut at a line break ("Stack Engineer" from "Full\\nStack
Engineer"), a generic title word ("Senior", "Engineer"), the posting's own company, or a place;
nothing from the parts of a posting that are set aside (benefits, legal, company blurb...).
When unsure, a phrase is left out.
"""

from __future__ import annotations

import re

from .sections import BULLET, KEPT, PostingPart, company_names, heading_kind

# Words that carry no meaning of their own in a posting, on top of English stop words.
_GENERIC = frozenset(
    """
    ability able candidate candidates company customers customer day days degree duties equivalent
    experience experienced environment excellent familiarity field good great help ideal including
    job knowledge looking new opportunity plus position preferred proven related required
    requirements responsibilities responsible role skills strong team teams time understanding
    work working year years using use work ensure provide support etc e.g i.e other high
    minimum qualifications qualification apply benefits salary pay hour hours week weeks must
    nice bonus like want join per based within across least also well level including include
    senior junior lead principal staff head chief engineer engineers engineering developer developers
    manager managers management specialist specialists analyst analysts technician technicians
    consultant consultants architect architects administrator administrators associate associates
    intern interns internship coordinator director officer representative representatives assistant
    expert experts professional professionals member members remote hybrid onsite on-site full-time
    part-time fulltime contract permanent temporary description summary overview location locations
    department division employer applicants applicant application profile tasks task mission vision
    values culture office offices headquarters salary compensation mid entry-level graduate trainee
    m/f/d m/w/d f/m/d
    function functions fundamental fundamentals market details detail information opportunities growth career careers
    leave sick overtime perks perk discount discounts insurance vacation holiday holidays coaching wellness
    monday tuesday wednesday thursday friday saturday sunday weekend weekends weekday weekdays
    january february march april may june july august september october november december
    """.split()
)
# Acronyms that are posting boilerplate rather than terms of the trade.
_GENERIC_ACRONYMS = frozenset(
    "ID CV HR FAQ ASAP TBD NA AM PM EST PST CST CET GMT UTC USD EUR GBP DKK SEK NOK CHF OTE PTO EEO AA FTE HQ "
    "IT MSc BSc PhD MBA USA US EU UK UAE EMEA APAC LATAM NYC DC CEO CTO CFO COO VP "
    # currencies: a salary line's unit, never a skill
    "CZK PLN HUF RON BGN INR JPY CNY RMB AUD CAD NZD ZAR BRL MXN RUB TRY SGD HKD KRW ILS AED SAR THB MYR IDR VND "
    # US states and Canadian provinces (as in "Fort Collins, CO")
    "AL AK AZ AR CA CO CT DE FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV NH NJ NM NY NC ND OH OK OR PA "
    "RI SC SD TN TX UT VT VA WA WV WI WY ON BC AB QC".split()
)
# Words that name a carrier or a cable company, never a skill (facts).
_COMPANIES = frozenset(
    "telekom telecom vodafone verizon comcast xfinity telefonica swisscom proximus telenor telia orange".split()
)
# Places: names that are never a skill, however they are written (facts, not sentences).
_PLACES = frozenset(
    """
    alabama alaska arizona arkansas california colorado connecticut delaware florida georgia hawaii idaho illinois
    indiana iowa kansas kentucky louisiana maine maryland massachusetts michigan minnesota mississippi missouri
    montana nebraska nevada hampshire jersey mexico york carolina dakota ohio oklahoma oregon pennsylvania rhode
    tennessee texas utah vermont virginia washington wisconsin wyoming america americas canada brazil argentina
    chile colombia peru europe asia africa australia zealand germany france spain portugal italy netherlands belgium
    denmark sweden norway finland iceland ireland england scotland wales britain poland austria switzerland czech
    hungary romania greece turkey israel india china japan korea singapore philippines indonesia vietnam thailand
    malaysia pakistan egypt nigeria kenya emirates dubai london paris berlin munich hamburg amsterdam copenhagen
    aarhus stockholm oslo helsinki dublin madrid barcelona lisbon rome milan zurich vienna prague warsaw toronto
    vancouver montreal chicago boston seattle austin denver atlanta dallas houston phoenix miami portland
    francisco angeles diego jose brooklyn manhattan tokyo bangalore bengaluru sydney melbourne
    northeast northwest southeast southwest midwest
    """.split()
)
_STATE_CODES = "AL|AK|AZ|AR|CA|CO|CT|DE|FL|GA|HI|ID|IL|IN|IA|KS|KY|LA|ME|MD|MA|MI|MN|MS|MO|MT|NE|NV|NH|NJ|NM|NY|NC|ND|OH|OK|OR|PA|RI|SC|SD|TN|TX|UT|VT|VA|WA|WV|WI|WY|DC|ON|BC|AB|QC"
# "Fort Collins, CO", "Aurora, Illinois": the words before a state are a place.
_CITY_STATE = re.compile(rf"((?:[A-Z][a-z]+\s){{0,2}}[A-Z][a-z]+),\s*(?:{_STATE_CODES})\b")
# "Acme Fiber, LLC", "Magyar Telekom Plc": the words before a legal form are a company's.
_LEGAL_NAME = re.compile(r"((?:[A-Z][\w&]*\s){0,3}[A-Z][\w&]*),?\s(?:Inc|LLC|Ltd|GmbH|AG|Corp|Corporation|Plc|plc|S\.A|A/S)\b")
_WORD = re.compile(r"[A-Za-z][A-Za-z0-9+#./&-]*[A-Za-z0-9+#]|[A-Za-z]")
_PLACE_AFTER = re.compile(r"\b(?:in|based in|located in|near|offices in|from|across)\s+((?:[A-Z][a-z]+\s?){1,3})")
_SENTENCE_STOP = (".", "!", "?", ":", ";")


def other_keywords(text: str, mentions, parts: list[PostingPart], *, limit: int = 12, taxonomy=None) -> list[str]:
    """Up to ``limit`` terms of art the posting uses outside the taxonomy, required ones first.

    Candidates are runs of one to three words inside one sentence of the job's own parts, with
    no stop word, generic word, punctuation or taxonomy skill inside. A candidate must start
    with a term of art (an acronym, a word with a digit, or a capitalised word the posting never
    writes in lower case and that does not open its sentence) and must recur or sit in a
    required or preferred list. With ``taxonomy``, no written form of a skill is a keyword.
    """
    from ..lang import capitalised_terms, stop_words
    from ..parsers.language import detect_language

    # A posting in another language: its own stop words too ("der", "ist", "vor"), and in German,
    # where every noun is capitalised, a capital makes no term of the trade.
    language = detect_language(text) or "en"
    STOP_WORDS = stop_words("en") | stop_words(language)
    names_capitalised = capitalised_terms(language)
    covered = _Covered(mentions)
    units = [m.span(1) if m.group(1) else m.span(2) for m in _UNIT_NAME.finditer(text)]
    lower_case = {w for w in _WORD.findall(text) if w.islower()}
    excluded_words = _company_words(text) | _place_words(text)
    open_starts, open_ends = _line_break_edges(text)
    counts: dict[str, int] = {}
    listed: set[str] = set()
    shown: dict[str, str] = {}
    term_led: set[str] = set()
    for part in parts:
        if part.kind not in KEPT:
            continue
        first = _WORD.search(text, part.start, part.end)
        sentence_initial = first.start() if first else -1
        for run in _runs(text, part.start, part.end, covered, STOP_WORDS):
            for size in (1, 2, 3):
                for i in range(len(run) - size + 1):
                    words = run[i : i + size]
                    if words[0][1] in open_starts or words[-1][1] + len(words[-1][0]) in open_ends:
                        continue  # a fragment: the sentence goes on across the line break
                    if any(w.lower() in excluded_words for w, _ in words):
                        continue
                    if any(a <= p < b for _, p in words for a, b in units):
                        continue  # a department's or a team's name
                    key = " ".join(w for w, _ in words).lower()
                    counts[key] = counts.get(key, 0) + 1
                    shown.setdefault(key, " ".join(w for w, _ in words))
                    if part.kind in ("required", "preferred"):
                        listed.add(key)
                    word, position = words[0]
                    if _term_of_art(word, position == sentence_initial, lower_case, names_capitalised):
                        term_led.add(key)
    # A lone capitalised word said once ("Ranging, Load") is too little to call a term of art;
    # acronyms, words with digits and phrases may stand once in a requirement list.
    keep = [
        k for k, n in counts.items()
        if len(k) >= 3 and k in term_led and (n >= 2 or (k in listed and not _plain_word(shown[k])))
    ]
    if taxonomy is not None:  # a skill's own name is a skill, found or not, never an other keyword
        keep = [k for k in keep if taxonomy.resolve(k) is None]
    # Required/preferred terms first, then by how often, then longer phrases over their parts.
    keep.sort(key=lambda k: (k not in listed, -counts[k], -len(k.split()), k))
    kept: list[str] = []
    for key in keep:
        if any(f" {key} " in f" {longer} " for longer in kept):
            continue  # part of a phrase already kept
        kept.append(key)
        if len(kept) == limit:
            break
    return [shown[k] for k in kept]


def _plain_word(shown: str) -> bool:
    return " " not in shown and not shown.isupper() and not any(c.isdigit() for c in shown)


def _term_of_art(word: str, sentence_initial: bool, lower_case: set[str], names_capitalised: bool = True) -> bool:
    if word in _GENERIC_ACRONYMS:
        return False
    if any(c.isdigit() for c in word):
        return True
    if word.isupper() and len(word) > 1:
        # A word in capitals the posting also writes in lower case is shouted, not an acronym
        # ("VOR ORT", "IST" in a German posting set in capitals).
        return word.lower() not in lower_case
    return names_capitalised and word[:1].isupper() and not sentence_initial and word.lower() not in lower_case


def _company_words(text: str) -> set[str]:
    """Words of the posting's own company name ("Tallgrass Fiber" -> tallgrass, fiber)."""
    names = [*company_names(text), *(m.group(1) for m in _LEGAL_NAME.finditer(text))]
    words = {w.lower() for name in names for w in name.split()} | _COMPANIES
    return {w for w in words if w not in _GENERIC and w not in {"the", "we", "our", "you", "a", "an"}}


def _place_words(text: str) -> set[str]:
    """Known place names, capitalised words after "in", "based in", "near", "from", and the
    places a posting lists (``listed_places``)."""
    found = set(_PLACES)
    for match in (*_PLACE_AFTER.finditer(text), *_CITY_STATE.finditer(text)):
        found.update(w.lower() for w in match.group(1).split())
    return found | listed_places(text, found)


def listed_places(text: str, known: set[str] | None = None) -> set[str]:
    """Places a posting lists: the names after "in"/"near" with the names listed beside them ("in
    Boulder, Loveland and Fort Collins"), the values of a location label ("Additional locations:
    Loveland, Greeley"), and every name of a line that only lists names, one of them a place."""
    found: set[str] = set()
    for match in _PLACE_LIST.finditer(text):
        found.update(w.lower() for w in match.group(1).split())
    for match in _LOCATION_LABEL.finditer(text):
        found.update(w.lower() for w in re.findall(r"[A-Z][a-z]+", match.group(1)))
    known = (known or set(_PLACES)) | found
    for match in _CITY_STATE.finditer(text):
        known.update(w.lower() for w in match.group(1).split())
    for line in text.split("\n"):
        items = [i.strip() for i in _NAME_LIST_MARKS.split(BULLET.sub("", line)) if i.strip()]
        if len(items) >= 2 and all(_NAME_ITEM.fullmatch(i) for i in items):
            words = {w.lower() for i in items for w in i.split()}
            if words & known:
                found |= words
    return found


# "in Boulder, Loveland and Fort Collins": the names listed after a place word are places too.
_PLACE_LIST = re.compile(
    r"\b(?:in|near|across|serving)\s+((?:[A-Z][a-z]+\s?){1,3}(?:(?:,\s*|\s+and\s+|\s+or\s+)(?:[A-Z][a-z]+\s?){1,3}){1,8})"
)
_LOCATION_LABEL = re.compile(
    r"(?im)^\W*(?:[A-Za-z]+\s+){0,2}(?:locations?|cities|city|sites?|areas?|regions?|counties)\s*:\s*(.+)$"
)
_NAME_LIST_MARKS = re.compile(r"\s*[|/•·,;]\s*|\s+-\s+")
_NAME_ITEM = re.compile(r"(?:[A-Z][a-z]+)(?:\s[A-Z][a-z]+){0,2}")
# "the Outside Plant Operations team", "Network Construction Department": a unit of the company.
_UNIT_NAME = re.compile(
    r"((?:[A-Z][\w&-]*\s){1,4})(?:team|teams|department|departments|division|group|unit|crew|organi[sz]ation)\b"
    r"|\b(?:Department|Division|Office) of ((?:[A-Z][\w&-]*\s?){1,4})"
)


def _line_break_edges(text: str) -> tuple[set[int], set[int]]:
    """Offsets where a line starts, or ends, in the middle of a sentence: a phrase touching one
    of them may be cut ("Full\\nStack Engineer"), so it is not a keyword."""
    starts: set[int] = set()
    ends: set[int] = set()
    lines = text.split("\n")
    offset = 0
    positions = []
    for line in lines:
        positions.append(offset)
        offset += len(line) + 1
    for i in range(1, len(lines)):
        before, line = lines[i - 1].rstrip(), lines[i]
        if (
            before and line.strip() and not before.endswith(_SENTENCE_STOP) and not BULLET.match(line)
            and not heading_kind(line) and not heading_kind(before)
        ):
            starts.add(positions[i] + len(line) - len(line.lstrip()))
            ends.add(positions[i - 1] + len(before))
    return starts, ends


class _Covered:
    """Whether an offset falls inside a skill mention, in log time (a long posting has
    thousands of words and hundreds of mentions: checking each pair was quadratic)."""

    def __init__(self, mentions) -> None:
        spans = sorted((m.start, m.end) for m in mentions)
        self.starts = [s for s, _ in spans]
        self.ends = [e for _, e in spans]

    def __call__(self, offset: int) -> bool:
        from bisect import bisect_right

        i = bisect_right(self.starts, offset) - 1
        return i >= 0 and offset < self.ends[i]


def _runs(text: str, start: int, end: int, covered, stop_words) -> list[list[tuple[str, int]]]:
    runs: list[list[tuple[str, int]]] = []
    run: list[tuple[str, int]] = []
    previous_end = start
    for match in _WORD.finditer(text, start, end):
        word, position = match.group(), match.start()
        lower = word.lower()
        breaks = text[previous_end:position].strip() != ""  # punctuation between words
        excluded = lower in stop_words or lower in _GENERIC or covered(position)
        if (breaks or excluded) and run:
            runs.append(run)
            run = []
        if not excluded:
            run.append((word, position))
        previous_end = match.end()
    if run:
        runs.append(run)
    return runs
