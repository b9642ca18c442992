"""Issue 34, part three: a text resume is read in the encoding its author wrote it in."""

from __future__ import annotations

import pytest

from resumematch import parse
from resumematch.parsers.sniff import sniff_format

RESUME = (
    "Zoë Ångström-Núñez\n"
    "Field Technician\n"
    "Experience\n"
    "Installed fiber drops and configured customer routers; tested lines with an OTDR.\n"
    "Skills: fiber splicing, DHCP, VLANs, customer service.\n"
)


def _read(tmp_path, data: bytes, name: str = "resume.txt"):
    path = tmp_path / name
    path.write_bytes(data)
    return parse(path)


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_without_a_byte_order_mark_is_text(tmp_path, codec):
    data = RESUME.encode(codec)
    assert sniff_format(data, "resume.txt") == "txt"
    document = _read(tmp_path, data)
    assert document.text.startswith("Zoë Ångström-Núñez") and "OTDR" in document.text


@pytest.mark.parametrize("where", [0.1, 0.5, 1.0])
def test_stray_nul_bytes_are_removed_with_a_warning(tmp_path, where):
    data = RESUME.encode("utf-8")
    cut = int(len(data) * where)
    cut = data.rfind(b" ", 0, cut) if where < 1 else cut
    document = _read(tmp_path, data[:cut] + b"\x00" + data[cut:])
    assert "\x00" not in document.text
    assert "fiber splicing" in document.text and document.text.startswith("Zoë")
    assert any("NUL" in warning for warning in document.warnings)


def test_a_file_of_many_nul_bytes_is_still_not_text(tmp_path):
    from resumematch.errors import UnsupportedFormatError

    with pytest.raises(UnsupportedFormatError):
        _read(tmp_path, b"Resume\x00\x00\x00\x00\x00\x00\x01\x02\x00\x03" * 50, "blob.bin")


@pytest.mark.parametrize("pasted", ["\u2019", "\u2013", "\u201cquoted\u201d"])
def test_one_windows_1252_character_in_a_utf8_file_leaves_the_accents_alone(tmp_path, pasted):
    data = RESUME.encode("utf-8").replace(b"Installed", f"I{pasted}ve installed".encode("cp1252"))
    document = _read(tmp_path, data)
    assert document.text.startswith("Zoë Ångström-Núñez")  # no "ZoÃ«" mojibake
    assert f"I{pasted}ve installed" in document.text
    assert any("mixes encodings" in warning for warning in document.warnings)
    assert document.contact.name == "Zoë Ångström-Núñez"


@pytest.mark.parametrize("text, codec", [
    (RESUME, "cp1252"),
    ("Иван Петров\nСетевой инженер\nОпыт: настройка маршрутизаторов, BGP, OSPF, VLAN.\n", "cp1251"),
])
def test_a_legacy_code_page_file_is_decoded_as_written(tmp_path, text, codec):
    document = _read(tmp_path, text.encode(codec))
    assert document.text.splitlines()[0] == text.splitlines()[0]
