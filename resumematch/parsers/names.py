"""The candidate's name: found when a resume is read, kept as ``Contact.name``.

A name is taken only from where a name is: the first lines of the document (or, in a two-column
layout read sidebar first, the lines just above the Summary or Experience heading), a line or a
piece of a line ("José García | Network Engineer", "Alfred Pennyworth alfred@mail.com") that looks
like a person's name and is no section heading, job title, company, place or template
placeholder. nameparser (a maintained parser of human names) takes titles and suffixes off
("Jan Küster M.Sc." is Jan Küster) and knows "Last, First". The file's author metadata only
decides between candidates it agrees with. When unsure, there is no name.
"""

from __future__ import annotations

import re
import unicodedata

from ..types import Document
from ..lang import heading_key, name_labels
from .sections import heading_name

_LABELLED = re.compile(r"^([^\W\d_][^\W\d_ ]{0,15}(?: [^\W\d_]{1,15}){0,3})\s*:\s*(\S.*)$")

_NAME_TOKEN = re.compile(r"^[^\W\d_][^\W\d_'’.\-]*(?:['’.\-][^\W\d_]*)*\.?$")
_SEPARATORS = re.compile(r"\s*(?:[|•·●▪]|\s[-–—]\s)\s*")
_FIRST_LINES = 6
_CITY_AND_STATE = re.compile(r"[^,]+, [A-Z]{2}")
# Contact details sharing the name's line ("Alfred Pennyworth alfred@mail.com · (555) 010-1234").
_CONTACT = re.compile(
    r"\S+@\S+|(?:https?://|www\.)\S+|\b(?:linkedin|github)\.com/\S*|\+?\(?\d[\d\s().\-]{6,}\d"
)
# The second half of "Denver, Colorado": a place, never a given name. US states and countries
# (facts, listed here so that nothing is looked up at run time).
_PLACES = frozenset(
    """
    alabama alaska arizona arkansas california colorado connecticut delaware florida georgia hawaii idaho
    illinois indiana iowa kansas kentucky louisiana maine maryland massachusetts michigan minnesota
    mississippi missouri montana nebraska nevada ohio oklahoma oregon pennsylvania tennessee texas utah
    vermont virginia washington wisconsin wyoming usa us u.s. u.s.a. uk u.k. uae america england scotland
    wales ireland canada mexico brazil argentina chile colombia peru venezuela germany france spain italy
    portugal netherlands belgium switzerland austria denmark sweden norway finland iceland poland czechia
    slovakia hungary romania bulgaria greece turkey ukraine russia israel egypt morocco nigeria kenya ghana
    ethiopia india pakistan bangladesh nepal china japan korea taiwan vietnam thailand malaysia singapore
    indonesia philippines australia zealand africa europe asia remote
    """.split()
) | {"new york", "new jersey", "new mexico", "new hampshire", "north carolina", "south carolina", "north dakota",
     "south dakota", "west virginia", "rhode island", "united states", "united kingdom", "new zealand",
     "south africa", "south korea", "czech republic", "saudi arabia", "hong kong", "sri lanka", "costa rica",
     "puerto rico", "district of columbia"}
# Words that make a line a job title, a heading, a company or a place rather than a name.
NOT_NAME_WORDS = frozenset(
    """
    engineer engineering technician manager management representative specialist developer analyst
    consultant director administrator administration designer architect sales devops intern internship
    assistant coordinator officer chef cook nurse teacher tutor accountant accounting executive lead leader
    senior junior sr jr support service services customer customers network networks networking software
    hardware technical technology technologies installation installer operator supervisor agent associate
    clerk cashier driver programmer scientist researcher student graduate aspiring professional head vp
    president founder owner partner principal staff expert marketing product project data systems system
    web full stack front back end cloud security it help desk field fiber cable broadband telecom
    resume résumé curriculum vitae cv profile summary contact details detail education experience skills
    references objective page updated last phone email address mobile linkedin github portfolio website
    inc llc ltd corp corporation company co group university college school academy institute bank
    hospital street st avenue ave road rd suite city county state distributed platform operations
    reliability site infrastructure career personal information about me my the and of for in at
    experiences solutions studios entertainment media labs consulting holdings enterprises industries
    international global communications wireless telecommunications technologies foods motors airlines
    insurance financial capital ventures agency associates logistics retail stores markets parks resorts
    your name here firstname lastname surname placeholder sample example template candidate applicant
    """.split()
)
_PLACEHOLDER_NAMES = frozenset({"john doe", "jane doe", "your name", "first last", "firstname lastname", "name surname"})
_RECENT: dict = {}  # a document built without parse() (or cached before names were read): found once


def candidate_name(document: Document) -> str | None:
    """The candidate's name as the resume writes it, or None when no line looks like one: what
    :func:`find_name` found when the document was read, else found now."""
    if document.contact.name:
        return document.contact.name
    key = (document.text, document.author)
    if key not in _RECENT:
        if len(_RECENT) >= 16:
            _RECENT.pop(next(iter(_RECENT)))
        _RECENT[key] = find_name(document.text, document.author)
    return _RECENT[key]


def find_name(text: str, author: str = "", display: list[tuple[str, float, float]] | tuple = ()) -> str | None:
    """The name in a resume's text (``author``: the file's author metadata, which only decides
    between candidates it agrees with). ``display``: a PDF's first-page lines as (text, type
    size, top as a fraction of the page), where the name is the largest text near the top of the
    page or of its sidebar, on one line or two."""
    lines = [line.strip() for line in text.splitlines()]
    candidates = (
        _largest_names(display) or _names_in(_first_lines(lines)) or _names_in(_lines_above_main_heading(lines))
    )
    if not candidates:
        return None
    author = name_key(author)
    agreeing = [c for c in candidates if author and name_key(c) == author]
    name = (agreeing or candidates)[0]
    return name.title() if name.isupper() else name


# The name stands in the top part of the page (in a sidebar, under a photo at most), set larger
# than the body text.
_TOP_SHARE = 0.4
_LARGER = 1.25


def _largest_names(display) -> list[str]:
    """Names among the large lines near the top, largest first; a name set on two lines
    ("MARCUS" over "DELGADO") is read as one."""
    if not display:
        return []
    sizes = sorted(size for _, size, _ in display)
    body = sizes[len(sizes) // 2]
    large = sorted(
        (i for i, (_, size, top) in enumerate(display) if top <= _TOP_SHARE and size >= _LARGER * body),
        key=lambda i: (-display[i][1], display[i][2]),
    )
    names: list[str] = []
    for i in large:
        text, size, top = display[i]
        options = [text]
        below = next((j for j in range(i + 1, min(i + 4, len(display))) if abs(display[j][1] - size) <= 0.5), None)
        if below is not None and len(text.split()) <= 2 and len(display[below][0].split()) <= 2:
            options.insert(0, f"{text} {display[below][0]}")
        for option in options:
            name = without_titles(option.title() if option.islower() else option)
            if len(option) <= _MAX_PIECE and looks_like_name(name) and name not in names:
                names.append(name)
                break
    return names


def _first_lines(lines: list[str]) -> list[str]:
    out = []
    for line in lines:
        if not line:
            continue
        if heading_name(line) not in (None, "contact"):
            break
        out.append(line)
        if len(out) == _FIRST_LINES:
            break
    return out


def _lines_above_main_heading(lines: list[str]) -> list[str]:
    """A two-column resume read sidebar first puts the name just above Summary or Experience."""
    for index, line in enumerate(lines):
        if heading_name(line) in ("summary", "experience"):
            return [l for l in lines[max(0, index - 3) : index] if l]
    return []


# A line that long holds no name line (a name, a headline and contact details fit in far less),
# nor a piece that long a name: neither is parsed (a 400,000-character line would be, slowly).
_MAX_LINE = 400
_MAX_PIECE = 120


def _names_in(lines: list[str]) -> list[str]:
    names: list[str] = []
    for index, line in enumerate(lines):
        if len(line) > _MAX_LINE:
            continue
        line = _CONTACT.sub(" | ", line)
        pieces = [p.strip(" ,;:") for p in _SEPARATORS.split(line)]
        pieces = [p for p in pieces if p]
        # A name printed one word a line ("Chanchal" / "Sharma").
        if index + 1 < len(lines) and len(line.split()) == 1 and len(lines[index + 1].split()) == 1:
            pieces.insert(0, f"{line} {lines[index + 1]}")
        for piece in pieces:
            if len(piece) > _MAX_PIECE:
                continue
            labelled = _LABELLED.match(piece)
            if labelled and heading_key(labelled.group(1)) in name_labels():
                piece = labelled.group(2)  # "Name: Jonas Becker", "Nombre: Lucía Fernández"
            name = without_titles(piece)
            if looks_like_name(name) and name not in names and not looks_like_skill_line(name):
                names.append(name)
    return names


def load_name_parser():
    """nameparser's HumanName, imported on first use: the import takes a tenth of a second, and
    a document's name is found once, where it is read (the child process of ``check``, a worker
    of ``rank``), not in every process that handles documents. The skill names the skill-line
    rule reads are loaded with it, where a reader is prepared (parsers/isolated.py)."""
    from nameparser import HumanName

    _skill_forms()
    return HumanName


def without_titles(text: str) -> str:
    """The name without what nameparser knows as a title or suffix: "Dr. Jane Smith, PhD" ->
    "Jane Smith", "Jan Küster M.Sc." -> "Jan Küster"."""
    parsed = load_name_parser()(text)
    extras = {w.lower().strip(",") for w in [*parsed.title_list, *parsed.suffix_list] for w in w.split()}
    if not extras:
        return text
    kept = [w for w in text.replace(",", " , ").split() if w.lower().strip(",") not in extras]
    return re.sub(r"\s*,\s*$", "", " ".join(kept).replace(" , ", ", ")).strip(" ,")


def looks_like_name(text: str) -> bool:
    """Two to four words of letters in any script (accents, combining marks, apostrophes, hyphens,
    initials allowed), capitalised where the script has capitals, with the particles names carry
    ("van der", "bin", "de la") between them; or one word of two to four Chinese, Japanese or
    Korean characters ("李小龙", "김민준"). None of the words a title, heading, company,
    placeholder or place word."""
    text = unicodedata.normalize("NFC", text)
    words = text.replace(",", " ", 1).split() if re.match(r"^[^\W\d_]+, [^\W\d_]", text) else text.split()  # "García, José"
    if len(text) > 60 or heading_name(text) or _plain_phrase(text) in _RESUME_TITLES:
        return False
    letters = [_without_marks(w) for w in words]
    if not all(_NAME_TOKEN.match(w) for w in letters):
        return False
    if len(letters) == 1:
        return 2 <= len(letters[0]) <= 4 and all(_is_cjk(ch) for ch in letters[0])
    core = [w for i, w in enumerate(letters) if not (i and w.lower() in _PARTICLES)]
    if not 2 <= len(core) <= 4 or len(letters) > 6 or (len(text) > 48 and not _caseless(text)):
        return False
    if _CITY_AND_STATE.fullmatch(text):  # "Austin, TX" looks like "García, José"
        return False
    if "," in text and _plain_phrase(text.split(",", 1)[1]) in _PLACES:  # "Denver, Colorado", "Bremen, Germany"
        return False
    if _plain_phrase(text) in _PLACES:  # "New York", "South Africa"
        return False
    # Capitals where the script has them (Arabic, Hebrew, Chinese, Korean... have none).
    if not (text.isupper() or all(w[0].isupper() or not _cased(w[0]) for w in core)):
        return False
    return not any(plain_word(w) in NOT_NAME_WORDS for w in core)


# What separates the skills of a line that lists them ("Cold Calling | Data Entry, Excel").
_SKILL_LIST = re.compile(r"\s*(?:[,;|•·●▪]|\s[-–—]\s|\band\b)\s*", re.I)


def looks_like_skill_line(line: str) -> bool:
    """Whether a line names skills and nothing else: "Cold Calling", "Data Entry | Customer
    Service". Every piece between list separators is the name or an alias of a skill in the
    taxonomy (as written, or in its singular, plural or "-ing" form). A title-case skill line at
    the top of a resume looks like a name but is never one: the name finder passes it over and the
    name blanker (redact.py) keeps it."""
    line = " ".join(line.split()).strip(" .:")
    if not line or len(line) > _MAX_PIECE * 2:
        return False
    forms = _skill_forms()
    if _is_skill_form(line, forms):
        return True
    pieces = [p for p in _SKILL_LIST.split(line) if p and p.strip()]
    return len(pieces) > 1 and all(_is_skill_form(p, forms) for p in pieces)


def _is_skill_form(piece: str, forms: frozenset[str]) -> bool:
    piece = piece.strip(" .:").lower()
    if piece in forms or piece.replace(" ", "") in forms:  # "Elastic Search" is Elasticsearch
        return True
    head, _, last = piece.rpartition(" ")
    stems = {last[:-1] if last.endswith("s") else last + "s"}
    if last.endswith("ing") and len(last) > 5:
        stems |= {last[:-3], last[:-3] + "e", last[:-3] + "s"}  # calling -> call(s), scheduling -> schedule
    return any(f"{head} {form}".strip() in forms for form in stems)


_SKILL_FORMS: list[frozenset[str]] = []


def _skill_forms() -> frozenset[str]:
    """Every skill name and alias in the compiled taxonomy, lower case, read once per process
    straight from its JSON (the taxonomy's own loader validates it, which takes far longer)."""
    if not _SKILL_FORMS:
        import json

        from ..resources import data_dir

        try:
            path = data_dir("models") / "skills" / "isp_skills" / "taxonomy.json"
            entries = json.loads(path.read_bytes())
        except (OSError, ValueError):
            entries = []
        forms = set()
        for entry in entries:
            for form in (entry.get("name", ""), *entry.get("aliases", ()), *entry.get("exact", ()), *entry.get("listed", ())):
                forms.add(" ".join(form.lower().split()))
        _SKILL_FORMS.append(frozenset(forms))
    return _SKILL_FORMS[0]


# Lower-case words that sit between the parts of a name: "Jean-Luc van der Berg", "Maria de la
# Cruz", "Mohammed bin Rashid Al-Farsi", "Ludwig von Mises", "João dos Santos".
_PARTICLES = frozenset(
    "van von der den de del della degli di da das dos du la le les lo bin ibn bint binti bte al el ter ten zu "
    "y e af av ap ó ní mac".split()
)
# "Resume" or "CV" as a document's title in the scripts a name may be written in; a title
# line is no name (English titles are NOT_NAME_WORDS).
_RESUME_TITLES = frozenset(
    {"简历", "个人简历", "履历", "履歴書", "職務経歴書", "이력서", "자기소개서", "السيرة الذاتية", "سيرة ذاتية",
     "βιογραφικό σημείωμα", "βιογραφικό", "резюме", "קורות חיים"}
)


def _without_marks(word: str) -> str:
    """The word without combining marks (the tone marks of "Adébáyọ̀", Arabic vowel signs): a
    name's letters are what decide whether it is one."""
    if word.isascii():
        return word
    return "".join(ch for ch in word if not unicodedata.category(ch).startswith("M"))


def _cased(ch: str) -> bool:
    return ch.isupper() or ch.islower()


def _caseless(text: str) -> bool:
    return not any(_cased(ch) for ch in text)


def _is_cjk(ch: str) -> bool:
    """A Chinese character, a Korean syllable or Japanese kana: scripts that write a whole name
    as one word."""
    code = ord(ch)
    return (0x4E00 <= code <= 0x9FFF or 0x3400 <= code <= 0x4DBF or 0xAC00 <= code <= 0xD7A3
            or 0x3040 <= code <= 0x30FF or 0xF900 <= code <= 0xFAFF)


def name_key(name: str | None) -> str:
    """A name folded for comparison: case, accents, middle initials and word order do not count
    ("José A. García" == "garcia jose")."""
    if not name:
        return ""
    words = [plain_word(w) for w in unicodedata.normalize("NFC", name).replace(",", " ").split()]
    # Initials do not count ("José A. García"); a one-character word of a script without
    # capitals does ("李 小龙" is not "王 小龙").
    words = sorted(w for w in words if len(w) > 1 or (w and not _cased(w)))
    key = " ".join(words)
    return "" if key in {" ".join(sorted(p.split())) for p in _PLACEHOLDER_NAMES} else key


def _plain_phrase(text: str) -> str:
    return " ".join(w.lower().strip(".") for w in text.split())


def plain_word(word: str) -> str:
    """A word folded for comparison: lower case, accents and punctuation off."""
    decomposed = unicodedata.normalize("NFKD", word.lower())
    return "".join(c for c in decomposed if c.isalnum())
