"""Hostile input, second part (issue 22): the cache, contact details, one deadline per document.

Each class has its smallest case and a few variants. The PDF classes (memory ceiling, what is
painted) are in test_memory_ceiling.py and test_painted.py.
"""

from __future__ import annotations

import json
import sqlite3
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from resumematch import load_job
from resumematch.cli import cli
from resumematch.screening.cache import APPLICATION_ID, ParseCache, cache_version
from resumematch.screening.rank import rank

RESUME = "Ana Ruiz\nExperience\n- Spliced fiber and tested drops with an OTDR for {n} homes.\n"


# --- the cache proves it is ours before anything is written or deleted ---------------------------------

OUR_TABLE = (
    "CREATE TABLE documents (sha256 TEXT NOT NULL, version TEXT NOT NULL, document TEXT NOT NULL, "
    "mentions TEXT NOT NULL, PRIMARY KEY (sha256, version))"
)
FOREIGN = {
    "a table of the same name": ["CREATE TABLE documents (id INTEGER PRIMARY KEY, title TEXT, body TEXT)"],
    "our columns, other types": ["CREATE TABLE documents (sha256 BLOB, version TEXT, document TEXT, mentions TEXT)"],
    "our table and another": [OUR_TABLE, "CREATE TABLE notes (body TEXT)"],
    "our table, another program's marker": ["PRAGMA application_id = 1234", OUR_TABLE],
}


def _database(path: Path, statements: list[str], rows: int = 1) -> Path:
    connection = sqlite3.connect(path)
    for statement in statements:
        connection.execute(statement)
    if "title" in statements[0]:
        connection.executemany("INSERT INTO documents (title, body) VALUES (?, ?)", [("t", "b")] * rows)
    connection.commit()
    connection.close()
    return path


@pytest.mark.parametrize("kind", FOREIGN)
def test_a_database_shaped_like_the_cache_is_neither_cleared_nor_written(tmp_path, kind):
    (tmp_path / "ana.txt").write_text(RESUME.format(n=1))
    other = _database(tmp_path / "mine.sqlite3", FOREIGN[kind])
    before = other.read_bytes()
    cleared = CliRunner().invoke(cli, ["cache", "clear", "--cache", str(other)])
    assert cleared.exit_code == 1 and "is not a resumematch parse cache; nothing was deleted" in cleared.stderr
    ranked = CliRunner().invoke(cli, ["rank", str(tmp_path / "ana.txt"), "--job", "isp-technician", "--workers", "1",
                                      "--cache", str(other)])
    assert ranked.exit_code == 0 and "not a resumematch parse cache" in ranked.stderr
    assert other.read_bytes() == before


def test_a_new_cache_carries_the_marker_and_a_cache_from_before_the_marker_is_adopted(tmp_path):
    (tmp_path / "ana.txt").write_text(RESUME.format(n=1))
    new = tmp_path / "new.sqlite3"
    rank([str(tmp_path / "ana.txt")], load_job("isp-technician"), workers=1, cache_path=new)
    with sqlite3.connect(new) as connection:
        assert connection.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
    connection.close()
    old = _database(tmp_path / "old.sqlite3", FOREIGN["our table, another program's marker"][1:])
    ParseCache(old, cache_version()).close()
    with sqlite3.connect(old) as connection:
        assert connection.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
    connection.close()
    assert CliRunner().invoke(cli, ["cache", "clear", "--cache", str(old)]).exit_code == 0 and not old.exists()


@pytest.mark.parametrize("damage", ["truncated JSON", "an unknown field", "a list for a section"])
def test_a_damaged_entry_warning_never_quotes_the_resume(tmp_path, damage):
    resume = tmp_path / "ana.txt"
    resume.write_text(RESUME.format(n=1))
    cache = tmp_path / "cache.sqlite3"
    rank([str(resume)], load_job("isp-technician"), workers=1, cache_path=cache)
    with sqlite3.connect(cache) as connection:
        stored = connection.execute("SELECT document FROM documents").fetchone()[0]
        document = json.loads(stored)
        if damage == "truncated JSON":
            stored = stored[: stored.index("Ana Ruiz") + 8]
        elif damage == "an unknown field":
            document["sections"][0]["Ana Ruiz, OTDR"] = 1
            stored = json.dumps(document)
        else:
            document["sections"] = [["Ana Ruiz", 0]]
            stored = json.dumps(document)
        connection.execute("UPDATE documents SET document = ?", (stored,))
    connection.close()
    result = CliRunner().invoke(cli, ["rank", str(resume), "--job", "isp-technician", "--workers", "1", "--cache", str(cache)])
    assert result.exit_code == 0 and "Warning: the parse cache cannot be used" in result.stderr
    assert "Ana" not in result.stderr and "OTDR" not in result.stderr
    assert "ana.txt" in result.stdout  # the row is still there


# --- one deadline for the whole document; no pattern that backtracks on user text ---------------------

LONG = 400_000
TOKENS = {
    "one long word, no email": "a" * LONG,
    "an at sign and no domain end": "ana@" + "b" * LONG,
    "dotted, like a domain": "ab." * (LONG // 3),
    "digits, like a phone": "5" * LONG,
    "opening brackets": "(" * LONG,
    "a linkedin address that never ends": "linkedin.com/in/" + "a" * LONG,
}


@pytest.mark.parametrize("token", TOKENS)
def test_a_400000_character_token_is_read_and_matched_well_within_the_budget(token):
    from resumematch.api import check

    text = "Ana Ruiz\nana@example.com\nExperience\n- Spliced fiber with an OTDR.\n" + TOKENS[token] + "\n"
    # The budget is the test's guard: before, the email pattern and the tokenizer never finished.
    report = check(text.encode(), "isp-technician", limits={"timeout_seconds": 20})
    assert report.analysed.document.contact.email == "ana@example.com"
    assert any("OTDR" in h.name for h in report.analysed.held.values())


@pytest.mark.parametrize("line", ["[" * LONG, "<http://" * (LONG // 8), "*x " * (LONG // 3), "<a" * (LONG // 2),
                                  "## " + " " * LONG + "x", "[a](" + "b" * LONG])
def test_hostile_markdown_lines_are_converted_in_one_pass(line):
    from resumematch.parsers import parse

    document = parse(("# Ana Ruiz\n\n- Spliced fiber with an OTDR\n" + line + "\n").encode(), name="ana.md",
                     limits={"timeout_seconds": 20})
    assert "Spliced fiber with an OTDR" in document.text


def test_one_budget_stops_skill_matching_too():
    from resumematch.api import check
    from resumematch.errors import ParseTimeoutError

    # Thousands of distinct bracket-heavy words: cheap to read, slow for the tokenizer's affix rules.
    text = "Ana Ruiz\nExperience\n" + " ".join("(" * 150 + str(i) for i in range(2000))
    started = time.monotonic()
    with pytest.raises(ParseTimeoutError, match="took longer than 1 s"):
        check(text.encode(), "isp-technician", limits={"timeout_seconds": 1})
    assert time.monotonic() - started < 15  # stopped by the budget, not left to finish (~25 s)


def test_a_long_token_in_rank_is_a_normal_row_and_a_slow_one_an_error_row(tmp_path):
    (tmp_path / "long.txt").write_text("Ana Ruiz\nExperience\n- Spliced fiber with an OTDR.\n" + "a" * LONG)
    (tmp_path / "slow.txt").write_text("Bo Li\nExperience\n" + " ".join("(" * 150 + str(i) for i in range(2000)))
    (tmp_path / "ok.txt").write_text(RESUME.format(n=2))
    outcome = rank([str(tmp_path)], load_job("isp-technician"), workers=1, limits={"timeout_seconds": 2})
    rows = {Path(r.source).name: r for r in outcome.rows}
    assert rows["long.txt"].status != "error" and rows["ok.txt"].status != "error"  # ranked (or knocked out)
    assert rows["slow.txt"].status == "error" and "took longer than 2 s" in rows["slow.txt"].error
