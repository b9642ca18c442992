"""The README is for users, and every claim and example in it is what the tool prints (issue 21)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from resumematch.cli import cli
from resumematch.scoring import MatchSettings

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")
OUTSIDE = ROOT / "tests" / "data" / "outside"


def _run(*args: str) -> str:
    result = CliRunner().invoke(cli, list(args), env={"NO_COLOR": "1"})
    assert result.exit_code == 0, result.output
    return result.stdout


def test_the_readme_is_a_users_guide_of_a_few_hundred_lines_with_internals_linked():
    assert len(README.splitlines()) <= 320
    for page in re.findall(r"\]\((docs/[^)#]+)\)", README):
        assert (ROOT / page).exists(), page


def test_every_option_in_the_synopsis_is_one_the_command_takes():
    synopsis = README.split("## Commands", 1)[1].split("```sh\n", 1)[1].split("```", 1)[0]
    for line in re.split(r"\n(?=resumematch )", synopsis.strip()):
        words = line.split()
        command = [w for w in words[1:3] if re.fullmatch(r"[a-z]+", w)]
        help_text = _run(*command, "--help")
        for option in re.findall(r"--[a-z][a-z-]*", line):
            assert option in help_text, (command, option)


def test_the_weights_the_readme_states_are_the_defaults():
    stated = re.search(r"The weights are ([^;]+);", README).group(1)
    defaults = MatchSettings()
    for value, name in re.findall(r"(0\.\d+) (\w+)", stated):
        assert getattr(defaults, f"{name}_weight") == float(value), name


def test_the_role_fit_sentences_are_what_the_tool_says(samples):
    nothing = _run("check", str(samples / "weak-match.pdf"))
    assert "No shipped ISP role fits this resume yet" in README and "No shipped ISP role fits this resume yet" in nothing
    stretch = _run("check", str(samples / "network-technician.pdf"), "--job", "sales-representative")
    assert re.search(r"fits Network Technician \([\d.]+/100\) much better", stretch)


def test_the_outside_field_line_and_the_guide_mark_are_what_the_tool_prints():
    text = _run("check", str(OUTSIDE / "nurse-resume.txt"), "--job", str(OUTSIDE / "registered-nurse-posting.txt"))
    assert "`Field:  outside the ISP taxonomy`" in README and "Field:  outside the ISP taxonomy" in text
    assert "(follows the ISP jobs guide)" in README and "(follows the ISP jobs guide)" in text


@pytest.mark.parametrize("example", re.findall(r'\("([^"]+)" shows ([A-Z][a-z]+(?: [a-z]+)*)\)', README))
def test_each_shown_in_other_words_example_is_held(example):
    from resumematch import parse
    from resumematch.skills import analyse, taxonomy

    line, skill_name = example
    line = line.replace(" ... ", " and ")
    resume = analyse(parse(f"Experience\n- {line}.\n".encode(), name="r.txt"))
    held = {taxonomy()[s].name for s, h in resume.held.items() if h.shown}
    assert skill_name in held, (line, sorted(held))
