"""The parse cache: one SQLite file holding each resume's parsed text, sections and skills.

Keyed by the SHA-256 of the file's bytes and a version that changes with the parser and the
skill model, so re-ranking the same pool against another job re-parses nothing, and a changed
file (new bytes, new hash) is parsed again. The cache holds personal data: its folder is created
readable by the user only (0700) and the file 0600.
"""

from __future__ import annotations

import json
import os
import sqlite3
from pathlib import Path

from ..types import Contact, Document, Layout, Section, SkillMention

SCHEMA = """
CREATE TABLE IF NOT EXISTS documents (
    sha256 TEXT NOT NULL,
    version TEXT NOT NULL,
    document TEXT NOT NULL,
    mentions TEXT NOT NULL,
    PRIMARY KEY (sha256, version)
)
"""


def default_cache_path() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "resumematch" / "cache.sqlite3"


def cache_version() -> str:
    """Changes whenever a cached entry could differ: a new release or a rebuilt skill model."""
    from .. import __version__
    from ..resources import data_dir

    # Read from the model's files: the main process of rank need not load spaCy for this.
    info = json.loads((data_dir("models") / "skills" / "isp_skills" / "build_info.json").read_text(encoding="utf-8"))
    return f"{__version__}:{info.get('inputs_sha256', '')[:16]}"


class ParseCache:
    def __init__(self, path: str | os.PathLike, version: str) -> None:
        self.path = Path(path)
        self.version = version
        self.path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        if not self.path.exists():
            os.close(os.open(self.path, os.O_CREAT | os.O_WRONLY, 0o600))
        os.chmod(self.path, 0o600)
        self.connection = sqlite3.connect(self.path)
        self.connection.execute(SCHEMA)
        self.connection.commit()

    def get(self, sha256: str) -> tuple[Document, list[SkillMention]] | None:
        row = self.connection.execute(
            "SELECT document, mentions FROM documents WHERE sha256 = ? AND version = ?", (sha256, self.version)
        ).fetchone()
        if row is None:
            return None
        return document_from_dict(json.loads(row[0])), [SkillMention(**m) for m in json.loads(row[1])]

    def put(self, document: Document, mentions: list[SkillMention]) -> None:
        self.connection.execute(
            "INSERT OR REPLACE INTO documents (sha256, version, document, mentions) VALUES (?, ?, ?, ?)",
            (document.sha256, self.version, json.dumps(document.to_dict()), json.dumps([m.to_dict() for m in mentions])),
        )

    def commit(self) -> None:
        self.connection.commit()

    def close(self) -> None:
        self.connection.commit()
        self.connection.close()

    def __len__(self) -> int:
        return self.connection.execute("SELECT COUNT(*) FROM documents").fetchone()[0]


def clear(path: str | os.PathLike) -> int:
    """Delete the cache file; returns how many entries it held."""
    path = Path(path)
    if not path.exists():
        return 0
    with sqlite3.connect(path) as connection:
        try:
            count = connection.execute("SELECT COUNT(*) FROM documents").fetchone()[0]
        except sqlite3.DatabaseError:
            count = 0
    connection.close()
    path.unlink()
    return count


def document_from_dict(data: dict) -> Document:
    return Document(
        source=data["source"],
        format=data["format"],
        pages=data["pages"],
        text=data["text"],
        sections=[Section(**s) for s in data["sections"]],
        contact=Contact(**data["contact"]),
        layout=Layout(**data["layout"]),
        links=list(data["links"]),
        warnings=list(data["warnings"]),
        sha256=data["sha256"],
        author=data.get("author", ""),
    )
