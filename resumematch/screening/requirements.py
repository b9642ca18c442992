"""Must-haves and knock-outs: what a row is flagged or rejected for, and why.

Silence in a resume is not absence of the qualification: few resumes state a driver's licence
that every field technician holds. So by default a job's must-have a resume does not state is a
``not_stated`` flag on a row ranked like any other. A knock-out (status ``rejected``) happens only
when the recruiter asks for one: ``--require SKILL``, or the switch that turns the job's
must-haves into knock-outs. Applicant tracking systems decide knock-outs from the candidates'
answers to screening questions; where the recruiter has them, an answers file (candidate file,
requirement, yes/no) decides: "no" rejects, "yes" settles it whatever the resume says.
"""

from __future__ import annotations

import csv
import difflib
import io
import os
from dataclasses import dataclass, field
from pathlib import PurePath

from ..errors import ResumeMatchError

YES = frozenset({"yes", "y", "true", "1"})
NO = frozenset({"no", "n", "false", "0"})


class AnswersError(ResumeMatchError, ValueError):
    """The screening answers file cannot be used (missing, malformed, an unknown requirement)."""


def resolve_skill(name: str, known, where: str) -> str:
    """A taxonomy id for ``name`` (an id, name or alias), or an error with a did-you-mean."""
    skill = known.resolve(name)
    if skill is not None:
        return skill.id
    raise ResumeMatchError(None, f"unknown skill {name!r} in {where}{did_you_mean(name, known)}; "
                                 "see the names it takes with: resumematch skills --list")


def did_you_mean(name: str, known) -> str:
    forms: dict[str, str] = {}
    for skill in known.skills.values():
        for form in (skill.name, skill.id, *skill.aliases):
            forms.setdefault(form.lower(), skill.name)
    close = difflib.get_close_matches(name.lower(), list(forms), n=3, cutoff=0.75)
    names = list(dict.fromkeys(forms[c] for c in close))
    return f" (did you mean {' or '.join(names)}?)" if names else ""


@dataclass
class Answers:
    """Screening answers: (candidate file, skill id) -> True for yes, False for no."""

    source: str = ""
    given: dict[tuple[str, str], bool] = field(default_factory=dict)

    def for_row(self, label: str) -> dict[str, bool]:
        """The answers about the resume ``label``: matched on the full label or its file name."""
        keys = {_fold(label), _fold(_file_name(label))}
        return {skill: answer for (candidate, skill), answer in self.given.items() if candidate in keys}

    def skills(self) -> list[str]:
        return list(dict.fromkeys(skill for _, skill in self.given))


def load_answers(path: str | os.PathLike, known) -> Answers:
    """Read an answers CSV: candidate file, requirement (a skill id, name or alias), yes/no.
    A first line naming no skill and no yes/no is taken as a header."""
    label = str(path)
    try:
        with open(path, encoding="utf-8-sig", newline="") as handle:
            text = handle.read(5_000_000)
    except OSError as error:
        raise AnswersError(label, f"cannot be read ({error.strerror}); check the path") from None
    except UnicodeDecodeError:
        raise AnswersError(label, "is not UTF-8 text; save it as CSV (UTF-8)") from None
    answers = Answers(label)
    for number, cells in enumerate(csv.reader(io.StringIO(text)), start=1):
        cells = [c.strip() for c in cells]
        if not any(cells):
            continue
        if len(cells) < 3:
            raise AnswersError(label, f"line {number} has {len(cells)} column(s); give: candidate file, requirement, yes/no")
        candidate, requirement, reply = cells[0], cells[1], cells[2].lower()
        if reply not in YES | NO:
            if number == 1 and known.resolve(requirement) is None:
                continue  # a header ("candidate, requirement, answer")
            raise AnswersError(label, f"line {number}: answer {cells[2]!r} is neither yes nor no")
        try:
            skill = resolve_skill(requirement, known, f"{PurePath(label).name} line {number}")
        except ResumeMatchError as error:
            raise AnswersError(label, error.reason) from None
        answers.given[(_fold(candidate), skill)] = reply in YES
    if not answers.given:
        raise AnswersError(label, "holds no answers; give lines of: candidate file, requirement, yes/no")
    return answers


@dataclass
class Requirements:
    """What a run holds rows to. ``knockouts``: skill ids a resume must show (or be answered yes);
    ``must_haves``: the job's must-haves that are only flagged when a resume does not state them."""

    knockouts: list[str] = field(default_factory=list)
    must_haves: list[str] = field(default_factory=list)
    answers: Answers | None = None

    @classmethod
    def for_run(cls, job, known, require=(), must_haves_knock_out: bool = False, answers: Answers | None = None) -> Requirements:
        knockouts = list(job.must_have) if must_haves_knock_out else []
        for name in require:
            skill = resolve_skill(name, known, "--require")
            if skill not in knockouts:
                knockouts.append(skill)
        must_haves = [s for s in job.must_have if s not in knockouts]
        return cls(knockouts, must_haves, answers)

    def judge(self, label: str, held: set[str], known) -> tuple[list[str], list[str]]:
        """(rejected_by, not_stated) for the resume ``label`` holding the skills ``held``."""
        answered = self.answers.for_row(label) if self.answers else {}
        rejected_by: list[str] = []
        not_stated: list[str] = []
        for skill in dict.fromkeys([*self.knockouts, *self.must_haves, *answered]):
            name = known[skill].name
            if skill in answered:
                if not answered[skill]:
                    rejected_by.append(f"answered no: {name}")
            elif skill in held:
                continue
            elif skill in self.knockouts:
                rejected_by.append(f"requires {name}")
            elif skill in self.must_haves:
                not_stated.append(name)
        return rejected_by, not_stated


def _file_name(label: str) -> str:
    inner = label.rsplit("!", 1)[-1]  # an entry inside a zip
    return PurePath(inner.replace("\\", "/")).name


def _fold(text: str) -> str:
    return text.strip().lower()
