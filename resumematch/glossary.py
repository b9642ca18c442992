"""The words every report uses, defined once: ``check``, ``rank --explain``, the web page and
the docs all read them from here (a test holds the docs to it), so they cannot drift apart."""

from __future__ import annotations

GLOSSARY: dict[str, str] = {
    "skills": "the job's skills and keywords the resume shows (required count double; done in a bullet beats only listed; "
              "past 6,000 characters each counts a little less)",
    "similarity": "how close the resume's wording is to the posting's and its occupation's (TF-IDF cosine on a fitted curve)",
    "certifications": "holds a certification the job lists (one in progress counts for part)",
    "education": "has a qualification the job lists, or a higher degree",
    "title": "one of the resume's job titles is the posting's role, or the same line of work at another level",
    "implied": "shown through a narrower skill the resume names (TCP/IP through 'DNS server')",
    "in progress": "a credential or title written as in progress, expected, planned or aspired to: not held, part of the credit",
    "not stated": "a must-have the resume does not state: a flag to ask about, not a rejection",
    "years": "years of dated roles in Experience, overlaps counted once: a note beside the score, not in it",
}
COMPONENT_NAMES = ("skills", "similarity", "certifications", "education", "title")


def define(word: str) -> str:
    return GLOSSARY[word]
