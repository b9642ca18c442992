"""Which contact details are evidence of a person, for duplicates and the shortlist.

Placeholder contact details ("(123) 456-7890", 555-01xx numbers, example.com addresses,
"John Doe") are what templates and samples print; they are never evidence that two resumes
are one person. The candidate's name is found when a resume is read (parsers/names.py).
"""

from __future__ import annotations

import re

from .parsers.names import candidate_name, looks_like_skill_line, name_key

__all__ = ["candidate_name", "looks_like_skill_line", "name_key", "personal_email", "real_phone"]

_PLACEHOLDER_DOMAINS = re.compile(
    r"@(?:[\w-]+\.)*(?:example|test|domain|email|yourdomain|yourcompany|company|sample)\.(?:com|org|net|edu|[a-z]{2})$"
    r"|@(?:[\w-]+\.)*example$|^(?:your|yourname|name|email|firstname|first\.last|john\.?doe|jane\.?doe)@",
    re.I,
)
_ROLE_MAILBOXES = re.compile(r"^(?:jobs|careers|career|hr|recruiting|recruitment|talent|info|admin|contact|office|hello|apply|resumes?|cv|team|staffing|hiring)@", re.I)


def personal_email(email: str | None) -> str | None:
    """The address folded to lower case, unless it is a placeholder or a shared role mailbox."""
    if not email:
        return None
    email = email.strip().lower()
    if _PLACEHOLDER_DOMAINS.search(email) or _ROLE_MAILBOXES.match(email):
        return None
    return email


def real_phone(phone: str | None) -> str | None:
    """The last ten digits, unless the number is a placeholder: 555-01xx (reserved for fiction),
    a run like 123-456-7890, or one digit repeated."""
    if not phone:
        return None
    digits = re.sub(r"\D", "", phone)[-10:]
    if len(digits) < 7:
        return None
    if re.search(r"55501\d\d$", digits) or digits in ("1234567890", "0123456789") or len(set(digits)) == 1:
        return None
    if digits[-7:] in ("1234567", "4567890", "5555555"):
        return None
    return digits
