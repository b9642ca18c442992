from __future__ import annotations

import atexit
import os
import shutil
import sys
import tempfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus"
SAMPLES = ROOT / "samples"

# Every rank logs its run in the user's data folder: never the real one from a test (this
# process, CliRunner and every subprocess inherit the variable).
os.environ["RESUMEMATCH_DATA_DIR"] = tempfile.mkdtemp(prefix="resumematch-test-data-")
atexit.register(shutil.rmtree, os.environ["RESUMEMATCH_DATA_DIR"], True)

# The tests build documents with the same helpers the sample generator uses.
sys.path.insert(0, str(SAMPLES))
sys.path.insert(0, str(Path(__file__).resolve().parent))


@pytest.fixture(scope="session")
def corpus() -> Path:
    if not CORPUS.is_dir():
        pytest.skip("../shared/corpus is not present")
    return CORPUS


@pytest.fixture(scope="session")
def samples() -> Path:
    return SAMPLES


def flat(text: str) -> str:
    """Whitespace-insensitive form of a text, for 'this sentence appears unbroken' checks."""
    return " ".join(text.split())


def every_resume() -> list[Path]:
    """Every bundled sample (PDF and DOCX) and, when present, every corpus resume."""
    paths = sorted(SAMPLES.glob("*.pdf")) + sorted(SAMPLES.glob("*.docx"))
    if CORPUS.is_dir():
        paths += sorted((CORPUS / "pdf").glob("*.pdf")) + sorted((CORPUS / "docx").glob("*.docx"))
    return paths


@pytest.fixture(scope="session")
def analysed_resumes() -> dict:
    """Path -> AnalysedResume for every_resume(), parsed once for the whole test session."""
    from resumematch import parse
    from resumematch.skills import analyse

    return {path: analyse(parse(path)) for path in every_resume()}
