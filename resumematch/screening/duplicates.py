"""Duplicates in a pool of applications: the same file, the same resume, the same person.

- File twins (the same bytes) and content twins (the same words, say as PDF and DOCX) are
  duplicates: one row is kept, the others point at it.
- The same person needs evidence of one person: the same name (case, accents, middle initials
  and word order aside) and a shared email or phone number; where one side has no name, the same
  personal email alone. Placeholder details and shared role mailboxes are no evidence.
- The same name and most of the same words (``SAME_WORDS``: the share of distinct words two
  resumes have in common, order aside) are one person too: a PDF and a DOCX of one resume, even
  when the PDF's two columns read in another order and its placeholder contact details prove
  nothing. This is how a recruiter tells a resume sent twice.
- Two different names are never one person, whatever they share: an agency's phone and inbox,
  a family phone, a template's number. A shared email or phone without the same name is a note
  (``possible_duplicate_of``) on a row that stays ranked; so is weaker evidence of one person:
  the same name with many shared words (``SIMILAR_WORDS``), or nearly all words shared where
  one resume has no name found.

Which copy is kept does not depend on timing: a ranked row over a rejected one, then a file name
that looks original (not "name (1).pdf" or "Copy of name.pdf"), then the better score, then the
first in input order.
"""

from __future__ import annotations

import re

SAME_WORDS = 0.8  # with the same name: one person's resume in two formats
SIMILAR_WORDS = 0.6  # with the same name: a note; where one has no name, SAME_WORDS is only a note
_COPY_NAME = re.compile(r"(?:^copy of |^copy \(\d+\) of | - copy\b| copy\b|\(\d+\)|\[\d+\]|[-_ ]copy\d*$)", re.I)


def looks_original(source: str) -> bool:
    stem = re.split(r"[\\/]", source)[-1].rsplit(".", 1)[0]
    return not _COPY_NAME.search(stem)


def mark_duplicates(rows) -> None:
    """Set ``status``/``duplicate_of`` and ``possible_duplicate_of`` on rows (in input order)."""
    parent = list(range(len(rows)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def join(i: int, j: int) -> None:
        parent[find(i)] = find(j)

    live = [i for i, row in enumerate(rows) if row.status != "error"]
    first_seen: dict[tuple[str, str], int] = {}
    for i in live:
        row = rows[i]
        for key in (("file", row.sha256), ("words", row.words_hash)):
            if key[1]:
                first = first_seen.setdefault(key, i)
                if key[0] == "file" or not _different_names(row, rows[first]):
                    join(i, first)
    # One person's two resumes share a personal email or a real phone (see same_person): only
    # rows that share one are compared, not every pair (100,000 rows would be 5 billion pairs).
    sharing: dict[tuple[str, str], list[int]] = {}
    for i in live:
        for key in (("email", rows[i].email_key), ("phone", rows[i].phone_key)):
            if key[1]:
                sharing.setdefault(key, []).append(i)
    for members in sharing.values():
        for a_index, a in enumerate(members):
            for b in members[a_index + 1 :]:
                if find(a) != find(b) and same_person(rows[a], rows[b]):
                    join(b, a)
    similar = similar_pairs(rows, live)
    for a, b in similar:
        if find(a) != find(b) and same_resume(rows[a], rows[b]):
            join(b, a)
    groups: dict[int, list[int]] = {}
    for i in live:
        groups.setdefault(find(i), []).append(i)
    for members in groups.values():
        if len(members) < 2:
            continue
        keep = max(members, key=lambda i: (rows[i].status == "ok", looks_original(rows[i].source), rows[i].score or 0.0, -i))
        for i in members:
            if i != keep:
                rows[i].status = "duplicate"
                rows[i].duplicate_of = rows[keep].source
    _note_possible_duplicates(rows, live, find, similar)


def _different_names(a, b) -> bool:
    """Two names read that are not one name: two people, whatever else the files share ("Lê Văn
    Anh" and "Lý Văn Anh" share every ASCII word). One name read with letters missing from the
    other (a PDF whose font lacks "ễ" reads "Nguy n" where its DOCX twin reads "Nguyễn") is
    still one name."""
    if not (a.name_key and b.name_key) or a.name_key == b.name_key:
        return False
    short, long = sorted((a.name_key.replace(" ", ""), b.name_key.replace(" ", "")), key=len)
    letters = iter(long)
    return not all(ch in letters for ch in short)


def same_person(a, b) -> bool:
    """Evidence that two resumes are one person's (see the module's rules)."""
    if a.name_key and b.name_key:
        if a.name_key != b.name_key:
            return False
        return bool((a.email_key and a.email_key == b.email_key) or (a.phone_key and a.phone_key == b.phone_key))
    return bool(a.email_key and a.email_key == b.email_key)


def word_share(a, b) -> float:
    """The share of distinct words two resumes have in common (Jaccard), order aside."""
    ka, kb = getattr(a, "word_keys", None), getattr(b, "word_keys", None)
    if not ka or not kb:
        return 0.0
    return len(ka & kb) / len(ka | kb)


def same_resume(a, b) -> bool:
    """The same name and most of the same words: one person's resume, in two formats or versions."""
    return bool(a.name_key) and a.name_key == b.name_key and word_share(a, b) >= SAME_WORDS


def similar_pairs(rows, live: list[int]) -> list[tuple[int, int]]:
    """The pairs worth comparing word by word (first index lower): the same name, or a resume
    with no name found beside any other. Two different names are never compared (never one
    person), so a pile of thousands is not compared pair by pair."""
    by_name: dict[str, list[int]] = {}
    unnamed = []
    for i in live:
        if rows[i].name_key:
            by_name.setdefault(rows[i].name_key, []).append(i)
        else:
            unnamed.append(i)
    pairs = set()
    for members in by_name.values():
        pairs.update((a, b) for index, a in enumerate(members) for b in members[index + 1 :])
    for a in unnamed:
        pairs.update((min(a, b), max(a, b)) for b in live if b != a)
    return sorted(pairs)


def _note_possible_duplicates(rows, live: list[int], find, similar: list[tuple[int, int]]) -> None:
    """A shared email or phone, or weaker evidence of one resume, between rows kept apart: a
    note on the later row, never a status. Shared contact details are said first."""
    seen: dict[tuple[str, str], int] = {}
    for i in live:
        row = rows[i]
        for key in (("email", row.email_key), ("phone", row.phone_key)):
            if not key[1]:
                continue
            other = seen.setdefault(key, i)
            if other != i and find(other) != find(i) and row.possible_duplicate_of is None:
                row.possible_duplicate_of = rows[other].source
                row.possible_duplicate_reason = "same email or phone, another name"
    for a, b in similar:
        if find(a) == find(b) or rows[b].possible_duplicate_of is not None:
            continue
        share = word_share(rows[a], rows[b])
        named = bool(rows[a].name_key) and rows[a].name_key == rows[b].name_key
        if (named and share >= SIMILAR_WORDS) or (not named and share >= SAME_WORDS):
            rows[b].possible_duplicate_of = rows[a].source
            rows[b].possible_duplicate_reason = f"same name, {share:.0%} same words" if named else f"{share:.0%} same words, no name on one"
