"""The editor on the report page: the resume's text cut into its sections, one box each.

The boxes hold the text exactly: joined with newlines they give back the text the check read,
so an untouched editor scores what the upload scored. Each box starts with its heading line
(the part before the first heading, the name and contact lines, has none).
"""

from __future__ import annotations

from dataclasses import dataclass

from ..types import Document

LABELS = {"contact": "Name and contact"}


@dataclass(frozen=True)
class Block:
    name: str  # the section ("experience"), "contact" for the header, "resume" when there are no headings
    label: str  # what the page calls the box
    text: str

    @property
    def rows(self) -> int:
        return min(max(self.text.count("\n") + 2, 3), 24)


def editor_blocks(document: Document) -> list[Block]:
    """The text cut at each section's start; ``"\\n".join`` of the blocks' texts is the text."""
    text = document.text
    starts = sorted({s.start: s for s in document.sections if 0 < s.start < len(text)}.items())
    cuts = [0] + [start for start, _ in starts]
    names = {start: section for start, section in starts}
    first = next((s for s in document.sections if s.start == 0), None)
    blocks = []
    for i, cut in enumerate(cuts):
        end = cuts[i + 1] if i + 1 < len(cuts) else len(text)
        piece = text[cut:end]
        if i + 1 < len(cuts):
            if not piece.endswith("\n"):  # a section that does not start on a line of its own
                return [Block("resume", "Resume", text)]
            piece = piece[:-1]
        section = names.get(cut) or first
        name = section.name if section else ("contact" if starts else "resume")
        blocks.append(Block(name, LABELS.get(name, name.capitalize()), piece))
    if "\n".join(b.text for b in blocks) != text:
        return [Block("resume", "Resume", text)]
    return blocks


def edited_name(source: str) -> str:
    """The name the edited resume goes by: "career-changer.pdf" -> "career-changer-edited"."""
    stem = source.replace("\\", "/").rsplit("/", 1)[-1]
    stem = stem.rsplit(".", 1)[0] if "." in stem[1:] else stem
    return stem if stem.endswith("-edited") else f"{stem}-edited"
