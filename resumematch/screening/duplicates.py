"""Duplicates in a pool of applications: the same file, the same resume, the same person.

- File twins (the same bytes) and content twins (the same words, say as PDF and DOCX) are
  duplicates: one row is kept, the others point at it.
- The same person needs evidence of one person: the same name (case, accents, middle initials
  and word order aside) and a shared email or phone number; where one side has no name, the same
  personal email alone. Placeholder details and shared role mailboxes are no evidence.
- Two different names are never one person, whatever they share: an agency's phone and inbox,
  a family phone, a template's number. A shared email or phone without the same name is a note
  (``possible_duplicate_of``) on a row that stays ranked.

Which copy is kept does not depend on timing: a ranked row over a rejected one, then a file name
that looks original (not "name (1).pdf" or "Copy of name.pdf"), then the better score, then the
first in input order.
"""

from __future__ import annotations

import re

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
    _note_possible_duplicates(rows, live, find)


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


def _note_possible_duplicates(rows, live: list[int], find) -> None:
    """A shared email or phone between rows kept apart: a note on the later row, never a status."""
    seen: dict[tuple[str, str], int] = {}
    for i in live:
        row = rows[i]
        for key in (("email", row.email_key), ("phone", row.phone_key)):
            if not key[1]:
                continue
            other = seen.setdefault(key, i)
            if other != i and find(other) != find(i) and row.possible_duplicate_of is None:
                row.possible_duplicate_of = rows[other].source
