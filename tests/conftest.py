from __future__ import annotations

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus"
SAMPLES = ROOT / "samples"

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
