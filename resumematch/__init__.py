"""resumematch: match resumes against Internet Service Provider jobs, offline.

The public API is re-exported here and imported lazily, so ``import resumematch`` stays cheap
for the CLI's start-up time.
"""

from __future__ import annotations

__version__ = "0.1.0"

_EXPORTS = {
    "parse": ("resumematch.parsers", "parse"),
    "extract_skills": ("resumematch.skills", "extract_skills"),
    "load_job": ("resumematch.jobs", "load_job"),
    "match": ("resumematch.scoring", "match"),
    "MatchSettings": ("resumematch.scoring", "MatchSettings"),
    "check": ("resumematch.api", "check"),
    "Job": ("resumematch.types", "Job"),
    "SkillMention": ("resumematch.types", "SkillMention"),
    "Taxonomy": ("resumematch.taxonomy", "Taxonomy"),
    "Document": ("resumematch.types", "Document"),
    "Section": ("resumematch.types", "Section"),
    "Contact": ("resumematch.types", "Contact"),
    "Layout": ("resumematch.types", "Layout"),
    "ParseLimits": ("resumematch.limits", "ParseLimits"),
    "ResumeMatchError": ("resumematch.errors", "ResumeMatchError"),
}

__all__ = sorted(_EXPORTS) + ["__version__"]


def __getattr__(name: str):
    if name in _EXPORTS:
        import importlib

        module, attribute = _EXPORTS[name]
        value = getattr(importlib.import_module(module), attribute)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'resumematch' has no attribute {name!r}")


def __dir__() -> list[str]:
    return __all__
