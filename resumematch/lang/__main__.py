"""``python -m resumematch.lang``: print the headings table that docs/languages.md holds."""

from . import headings_markdown

print(headings_markdown())
