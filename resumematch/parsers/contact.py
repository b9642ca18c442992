"""Contact details in a resume's text: email, phone number, LinkedIn profile.

Every scan here is linear in the length of the text, whatever the text holds: the text of a
hostile file can be one token of hundreds of thousands of characters, and a backtracking
pattern over it would spin. Emails are looked for only in whitespace-free tokens that hold an
"@" (an address is at most 254 characters), phone numbers only in short digit-rich stretches
of one line, which the ``phonenumbers`` library (Google's libphonenumber) then reads. So no
detail ever spans two lines, and a date range is never a phone number.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

import phonenumbers

from ..types import Contact

# Whitespace and the punctuation that surrounds an address in running text ("E: jo@x.com |").
_TOKEN_SPLIT = re.compile(r"[\s|,;<>()\[\]{}\"'\u201c\u201d\u2018\u2019\u2022\u00b7]+")
_MAX_EMAIL = 254
_MAX_AT_SIGNS = 20  # per token: a real token holds one; past this it is junk
_EMAIL = re.compile(
    r"[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9-]{1,63}(?:\.[A-Za-z0-9-]{1,63}){0,8}\.[A-Za-z]{2,24}(?![A-Za-z0-9-])"
)
_LINKEDIN = re.compile(r"(?:https?://)?(?:[a-z]{2,3}\.)?linkedin\.com/(?:in|pub)/[A-Za-z0-9_%\-]{1,100}/?", re.I)

# A stretch of one line that could be a phone number: digits with the separators people write
# between groups. Bounded, and it cannot start or end inside a longer run of digits or a word,
# so each position of the text is tried a bounded number of times.
_PHONE_STRETCH = re.compile(r"(?<![\w+])\(?\+?\(?\d[\d \t().\-\u2013\u2012/]{5,28}\d(?![\w])")
_MAX_PHONE_STRETCHES = 40  # a resume's number is near its top; digit junk past this is not read
# Month/year and year-to-year spans that digits-only readers take for numbers.
_YEAR = r"(?:19[5-9]\d|20[0-4]\d)"
_DATE_LIKE = re.compile(
    rf"(?<!\d){_YEAR}\s*[-\u2013\u2012/]\s*(?:\d{{1,2}}\s*[./-]\s*)?{_YEAR}(?!\d)"
    rf"|(?<!\d)\d{{1,2}}\s*[./-]\s*{_YEAR}(?!\d)"
    rf"|(?<!\d){_YEAR}\s*[./-]\s*\d{{1,2}}(?:\s*[./-]\s*\d{{1,2}})?(?!\d)"
)

DEFAULT_REGION = "US"
_ADDRESS_WINDOW = 600  # characters at the top of a resume: its name and contact block

# Where a resume's address says the person lives -> the region phonenumbers reads local
# numbers for. Country names and a few unmistakable address shapes.
_COUNTRIES = {
    "united states": "US", "usa": "US", "u.s.a.": "US", "canada": "CA", "united kingdom": "GB",
    "uk": "GB", "england": "GB", "scotland": "GB", "wales": "GB", "ireland": "IE", "germany": "DE",
    "deutschland": "DE", "austria": "AT", "switzerland": "CH", "france": "FR", "belgium": "BE",
    "netherlands": "NL", "luxembourg": "LU", "spain": "ES", "portugal": "PT", "italy": "IT",
    "poland": "PL", "czech republic": "CZ", "czechia": "CZ", "denmark": "DK", "sweden": "SE",
    "norway": "NO", "finland": "FI", "greece": "GR", "romania": "RO", "hungary": "HU",
    "new south wales": "AU", "ukraine": "UA", "turkey": "TR", "india": "IN", "pakistan": "PK", "bangladesh": "BD",
    "sri lanka": "LK", "nepal": "NP", "philippines": "PH", "singapore": "SG", "malaysia": "MY",
    "indonesia": "ID", "vietnam": "VN", "thailand": "TH", "china": "CN", "hong kong": "HK",
    "taiwan": "TW", "japan": "JP", "south korea": "KR", "korea": "KR", "australia": "AU",
    "new zealand": "NZ", "south africa": "ZA", "nigeria": "NG", "kenya": "KE", "ghana": "GH",
    "egypt": "EG", "morocco": "MA", "israel": "IL", "united arab emirates": "AE", "uae": "AE",
    "saudi arabia": "SA", "qatar": "QA", "mexico": "MX", "brazil": "BR", "argentina": "AR",
    "chile": "CL", "colombia": "CO", "peru": "PE",
}
_COUNTRY = re.compile(r"\b(" + "|".join(sorted(map(re.escape, _COUNTRIES), key=len, reverse=True)) + r")\b", re.I)
_US_STATES = (
    "AL AK AZ AR CA CO CT DE DC FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV NH NJ NM "
    "NY NC ND OH OK OR PA RI SC SD TN TX UT VT VA WA WV WI WY"
).split()
_CA_PROVINCES = "AB BC MB NB NL NS NT NU ON PE QC SK YT".split()
_US_ADDRESS = re.compile(rf",\s*(?:{'|'.join(_US_STATES)})\b(?:\s+\d{{5}}(?:-\d{{4}})?)?(?!\w)")
_CA_ADDRESS = re.compile(rf",\s*(?:{'|'.join(_CA_PROVINCES)})\b|\b[A-Z]\d[A-Z] ?\d[A-Z]\d\b")
_UK_POSTCODE = re.compile(r"\b[A-Z]{1,2}\d[A-Z\d]? \d[A-Z]{2}\b")


def find_contact(text: str, links: Sequence[str] = (), region: str | None = None) -> Contact:
    """The first email, phone number and LinkedIn profile URL in the text or its links.

    ``region`` is the country (ISO code) local phone numbers are read for; by default the one
    the resume's address names, else the United States."""
    email = next(find_emails(text), None)
    if email is None:
        email = next((e for link in links if link.lower().startswith("mailto:") for e in find_emails(link[7:])), None)
    region = region or address_region(text)
    phone = next(find_phones(text, region), None)
    if phone is None and region != DEFAULT_REGION:  # the country guessed from the address was wrong
        phone = next(find_phones(text, DEFAULT_REGION), None)
    return Contact(email=email[2] if email else None, phone=phone[2] if phone else None, linkedin=_linkedin(text, links))


def find_emails(text: str) -> Iterator[tuple[int, int, str]]:
    """(start, end, address) of each email address, in order, none across a line break."""
    position = 0
    for token in _TOKEN_SPLIT.split(text):
        start = text.find(token, position) if token else position
        position = start + len(token)
        if "@" not in token:
            continue
        if len(token) <= _MAX_EMAIL + 2:
            windows = [(0, token)]
        else:  # a run-together token: look around its first few "@" only, a bounded slice each
            windows, at = [], token.find("@")
            while at != -1 and len(windows) < _MAX_AT_SIGNS:
                left = max(0, at - 64)
                windows.append((left, token[left : at + _MAX_EMAIL]))
                at = token.find("@", at + 1)
        for offset, window in windows:
            match = _EMAIL.search(window)
            if match:
                address = match.group().rstrip(".")
                yield start + offset + match.start(), start + offset + match.start() + len(address), address
                break


def find_phones(text: str, region: str | None = None) -> Iterator[tuple[int, int, str]]:
    """(start, end, number as written) of each phone number, in order.

    A number valid for its country comes first in its stretch; a number of the right length
    that no country has issued ("(123) 456-7890", a template's placeholder) is still reported,
    since the person did write a phone number, unless it reads as a date."""
    region = region or DEFAULT_REGION
    for count, stretch in enumerate(_PHONE_STRETCH.finditer(text)):
        if count >= _MAX_PHONE_STRETCHES:
            return
        candidate = stretch.group()
        found = _read_phone(candidate, region)
        if found is not None:
            start, end = found
            yield stretch.start() + start, stretch.start() + end, candidate[start:end]


def _read_phone(candidate: str, region: str) -> tuple[int, int] | None:
    try:
        valid = next(iter(phonenumbers.PhoneNumberMatcher(candidate, region, leniency=phonenumbers.Leniency.VALID)), None)
        if valid is not None and not _DATE_LIKE.search(valid.raw_string):
            return valid.start, valid.end
        for possible in phonenumbers.PhoneNumberMatcher(candidate, region, leniency=phonenumbers.Leniency.POSSIBLE):
            digits = sum(ch.isdigit() for ch in possible.raw_string)
            if 10 <= digits <= 15 and not _DATE_LIKE.search(possible.raw_string):
                return possible.start, possible.end
    except Exception:  # the library refuses what it cannot read; so do we
        return None
    return None


def address_region(text: str) -> str:
    """The country the address at the top of a resume names (ISO code), else the default."""
    top = text[:_ADDRESS_WINDOW]
    country = _COUNTRY.search(top)
    if country:
        return _COUNTRIES[country.group(1).lower()]
    if _CA_ADDRESS.search(top):
        return "CA"
    if _US_ADDRESS.search(top):
        return "US"
    if _UK_POSTCODE.search(top):
        return "GB"
    return DEFAULT_REGION


def _linkedin(text: str, links: Sequence[str]) -> str | None:
    if "linkedin.com" in text.lower():
        match = _LINKEDIN.search(text)
        if match:
            return match.group()
    for link in links:
        match = _LINKEDIN.search(link)
        if match:
            return match.group()
    return None
