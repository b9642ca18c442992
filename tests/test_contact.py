"""Contact details: whole phone numbers read by phonenumbers, never dates, never across lines."""

from __future__ import annotations

import time

import pytest

from resumematch.parsers.contact import address_region, find_contact, find_emails, find_phones


@pytest.mark.parametrize(
    "text, phone",
    [
        # a date range in a table cell, with the cell's line break inside it (issue 18)
        ("Jo Doe\nNetwork Technician 09\n2014 - 2016\nAustin, TX", None),
        ("Jo Doe\n09/2014 - 2016 Installer\n2014 - 2016\n2019-2021", None),
        # an international number written in groups comes out whole
        ("Jo Doe | Berlin, Germany | +49 170 123 45 67", "+49 170 123 45 67"),
        ("Jo Doe\nTel. +44 20 7946 0958 | jo@example.com", "+44 20 7946 0958"),
        # local numbers are read for the country of the address
        ("Jo Doe\nHamburg, Germany\n0170 1234567", "0170 1234567"),
        ("Jo Doe\nAustin, TX 78701\n(512) 555-0142", "(512) 555-0142"),
        # a number never spans lines: two half numbers are no number
        ("Jo Doe\n(512) 555\n0142 is my room", None),
        # a number followed by dates on the same line stops where the number ends
        ("Call 503.555.0142 2019 - 2021", "503.555.0142"),
        # a country code in brackets, as a LaTeX class prints it beside a phone icon
        ("Jane Smith\n(+1) 312-555-0123 | jane@example.com", "(+1) 312-555-0123"),
    ],
)
def test_phone_numbers(text, phone):
    assert find_contact(text).phone == phone


def test_region_comes_from_the_address():
    assert address_region("Ana Silva\nLisbon, Portugal") == "PT"
    assert address_region("Ana Silva\nAustin, TX 78701") == "US"
    assert address_region("Ana Silva\nToronto, ON M5V 2T6") == "CA"
    assert address_region("Ana Silva\nana@example.com") == "US"


def test_wrong_address_guess_still_finds_a_us_number():
    # a country in the first lines that is not where the number is from
    assert find_contact("Jo Doe, offshore lead (India team)\n(312) 555-0123").phone == "(312) 555-0123"


def test_emails_never_span_lines_and_keep_their_offsets():
    text = "Jo Doe\nE: jo.doe@exam\nple.com\nmail: <ana+jobs@mail.example.org>."
    found = list(find_emails(text))
    assert [email for _, _, email in found] == ["ana+jobs@mail.example.org"]
    start, end, email = found[0]
    assert text[start:end] == email


def test_contact_scan_is_linear_on_hostile_tokens():
    # Issue 22 runs this over whole documents: a huge token must not make the patterns backtrack.
    # Not a speed measure: a quadratic scan of 400,000 characters takes minutes, a linear one
    # a fraction of a second, so the bound only tells the two apart on a loaded machine.
    hostile = [
        "a" * 400_000,
        "a" * 400_000 + "@",
        "1" * 400_000,
        "1 " * 200_000,
        "@" * 400_000,
        "a.a-" * 100_000 + "@x",
        "linkedin.com/in/" + "a" * 400_000,
    ]
    for text in hostile:
        started = time.perf_counter()
        find_contact(text)
        list(find_phones(text))
        assert time.perf_counter() - started < 5.0, text[:20]
