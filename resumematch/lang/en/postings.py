"""English posting headings live in jobs/sections.py, where they were first written; the words
below are the ones other languages' tables are merged with."""

HEADINGS: dict[str, tuple[str, ...]] = {}
PREFERRED_WORDS = ("preferred", "desired", "desirable", "bonus", "advantages", "advantage", "plus", "nice", "optional")
REQUIRED_WORDS = ("requirements", "required", "qualifications", "must", "minimum", "basic", "essential", "mandatory")
# The English line cues are jobs/sections.py's LINE_PREFERRED and LINE_REQUIRED patterns.
LINE_PREFERRED: tuple[str, ...] = ()
LINE_REQUIRED: tuple[str, ...] = ()
