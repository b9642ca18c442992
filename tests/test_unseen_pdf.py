"""Issue 34, what the eye cannot see in a PDF, continued: soft masks and transparency groups,
annotations by their flags, covers inside turned and scaled form XObjects, and fonts whose
Unicode map lies under an honest font's name.

Each kind: a document built here whose stuffed line is not read, a warning naming the kind, the
same score as the document without the line, and a twin a reader does see, which is read. A
property test mixes the tricks of every class and asserts the score never rises.
"""

from __future__ import annotations

import pytest
from builders import HELVETICA, pdf_from_objects
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from resumematch import parse
from resumematch.jobs import load_job
from resumematch.scoring import match

STUFFED = b"BGP OSPF MPLS CCNP network design"
VISIBLE = (b"BT /F1 12 Tf 72 720 Td (Ana Ruiz) Tj ET\n"
           b"BT /F1 11 Tf 72 700 Td (ana.ruiz@example.org) Tj ET\n"
           b"BT /F1 11 Tf 72 680 Td (Experience) Tj ET\n"
           b"BT /F1 11 Tf 72 660 Td (Installed ONTs for residential customers and replaced faulty drops.) Tj ET\n")
LINE = b"BT /F1 11 Tf 72 600 Td (" + STUFFED + b") Tj ET"
# The same line drawn in a form at half size, to be drawn at twice the size: (72, 600), 11 pt.
HALF_LINE = b"BT /F1 5.5 Tf 36 300 Td (" + STUFFED + b") Tj ET "


class Page:
    """One page: the visible resume, then what a test adds; objects numbered from 5."""

    def __init__(self) -> None:
        self.content: list[bytes] = []
        self.resources: dict[bytes, list[bytes]] = {}
        self.annots: list[bytes] = []
        self.objects: list[bytes] = []
        self.catalog = b""

    def add(self, body: bytes) -> bytes:
        """Add an object; its reference."""
        self.objects.append(body)
        return b"%d 0 R" % (len(self.objects) + 4)

    def resource(self, kind: bytes, name: bytes, body: bytes) -> None:
        self.resources.setdefault(kind, []).append(b"/" + name + b" " + self.add(body))

    def pdf(self) -> bytes:
        content = VISIBLE + b"\n".join(self.content)
        resources = b"/Font << /F1 3 0 R " + b" ".join(self.resources.pop(b"Font", [])) + b" >> " + b" ".join(
            b"/" + kind + b" << " + b" ".join(entries) + b" >>" for kind, entries in self.resources.items())
        annots = b"/Annots [" + b" ".join(self.annots) + b"] " if self.annots else b""
        return pdf_from_objects([
            b"<< /Type /Catalog /Pages 2 0 R " + self.catalog + b" >>",
            b"<< /Type /Pages /Kids [4 0 R] /Count 1 >>",
            HELVETICA,
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << " + resources + b" >> "
            + annots + b"/Contents %d 0 R >>" % (len(self.objects) + 5),
            *self.objects,
            stream(b"", content),
        ])


def stream(dictionary: bytes, data: bytes) -> bytes:
    return b"<< " + dictionary + b" /Length %d >>\nstream\n" % len(data) + data + b"\nendstream"


def form(drawing: bytes, extra: bytes = b"") -> bytes:
    return stream(b"/Type /XObject /Subtype /Form /BBox [0 0 612 792] " + extra
                  + b" /Resources << /Font << /F1 3 0 R >> >>", drawing)


# -- soft masks and transparency ---------------------------------------------------------------

def soft_mask(page: Page, drawn: bytes, group: bytes, kind: bytes = b"/Luminosity", backdrop: bytes = b"") -> None:
    """``drawn`` under a graphics state whose soft mask is ``group``'s drawing."""
    mask = page.add(stream(b"/Type /XObject /Subtype /Form /BBox [0 0 612 792] "
                           b"/Group << /S /Transparency /CS /DeviceGray >>", group))
    page.resource(b"ExtGState", b"M0", b"<< /Type /ExtGState /SMask << /Type /Mask /S " + kind
                  + b" /G " + mask + b" " + backdrop + b" >> >>")
    page.content.append(b"q /M0 gs " + drawn + b" Q")


def group_at(page: Page, drawn: bytes, alpha: bytes) -> None:
    """``drawn`` inside a transparency group, the group painted at ``alpha``."""
    page.resource(b"ExtGState", b"A0", b"<< /Type /ExtGState /ca " + alpha + b" /CA " + alpha + b" >>")
    page.resource(b"XObject", b"Gx", form(drawn, b"/Group << /S /Transparency >>"))
    page.content.append(b"q /A0 gs /Gx Do Q")


def alpha(page: Page, drawn: bytes, value: bytes) -> None:
    page.resource(b"ExtGState", b"A1", b"<< /Type /ExtGState /ca " + value + b" /CA " + value + b" >>")
    page.content.append(b"q /A1 gs " + drawn + b" Q")


# -- annotations ---------------------------------------------------------------------------------

def annotation(page: Page, drawn: bytes, flags: int, subtype: bytes = b"/FreeText", y: int = 590,
               oc: bytes = b"") -> None:
    """An annotation whose normal appearance draws ``drawn`` (form space: 0 0 300 20, at (72, y))."""
    appearance = page.add(stream(b"/Type /XObject /Subtype /Form /BBox [0 0 300 20] "
                                 b"/Resources << /Font << /F1 3 0 R >> >>", drawn))
    field = b"/FT /Tx /T (skills) " if subtype == b"/Widget" else b""
    page.annots.append(page.add(b"<< /Type /Annot /Subtype " + subtype + b" " + field
                                + (b"/OC " + oc + b" " if oc else b"")
                                + b"/Rect [72 %d 372 %d] /F %d /AP << /N " % (y, y + 20, flags)
                                + appearance + b" >> >>"))


ANNOTATION_TEXT = b"BT /F1 11 Tf 2 6 Td (" + STUFFED + b") Tj ET"


# -- lying fonts ---------------------------------------------------------------------------------

def lying_font(page: Page, claimed: bytes, y: int = 600, base: bytes = b"Helvetica", encoding: bool = True,
               name: bytes = b"FL") -> None:
    """A line whose glyphs draw letters of "hobbies gardening" while the font's ToUnicode map
    says ``claimed``. Without ``encoding`` the font uses the standard encoding (code = letter)."""
    shown = b"hobbiesgardeningcookingreading"
    codes, names, pairs = [], [], []
    for index, letter in enumerate(claimed.decode()):
        if encoding:
            code = 0x21 + index
            names.append(b"/space" if letter == " " else b"/" + shown[index % len(shown): index % len(shown) + 1])
        else:  # the standard encoding draws the letter the code names: draw other letters
            code = 0x20 if letter == " " else shown[index % len(shown)]
        codes.append(code)
        pairs.append(b"<%02X> <%04X>" % (code, ord(letter)))
    pairs = list(dict.fromkeys(pairs))
    cmap = (b"/CIDInit /ProcSet findresource begin 12 dict begin begincmap /CMapName /Lie def "
            b"1 begincodespacerange <00> <FF> endcodespacerange %d beginbfchar " % len(pairs)
            + b" ".join(pairs) + b" endbfchar endcmap CMapName currentdict /CMap defineresource pop end end")
    unicode_map = page.add(stream(b"", cmap))
    differences = b"/Encoding << /Type /Encoding /Differences [33 " + b" ".join(names) + b"] >> " if encoding else b""
    page.resource(b"Font", name, b"<< /Type /Font /Subtype /Type1 /BaseFont /" + base + b" " + differences
                  + b"/ToUnicode " + unicode_map + b" >>")
    page.content.append(b"BT /" + name + b" 11 Tf 72 %d Td <" % y + b"".join(b"%02X" % c for c in codes) + b"> Tj ET")


# -- the kinds -------------------------------------------------------------------------------------

def build(kind: str, stuffed: bool = True) -> bytes:
    """The resume with the stuffed line hidden the way ``kind`` says; without ``stuffed``, the
    same page without the line (its covers and masks kept where they draw nothing of it)."""
    page = Page()
    line = LINE if stuffed else b""
    half = HALF_LINE if stuffed else b""
    if kind == "soft-mask-empty-group":
        soft_mask(page, line, b"")
    elif kind == "soft-mask-black-group":
        soft_mask(page, line, b"0 g 0 0 612 792 re f")
    elif kind == "soft-mask-alpha-of-nothing":
        soft_mask(page, line, b"", kind=b"/Alpha")
    elif kind == "soft-mask-elsewhere":
        soft_mask(page, line, b"1 g 0 0 200 200 re f")
    elif kind == "soft-mask-over-a-form":  # the mask's graphics state is set, then a form drawn
        page.resource(b"XObject", b"Fx", form(line))
        soft_mask(page, b"/Fx Do", b"")
    elif kind == "group-at-alpha-0":
        group_at(page, line, b"0")
    elif kind == "alpha-near-0":
        alpha(page, line, b"0.03")
    elif kind == "annotation-hidden":
        annotation(page, ANNOTATION_TEXT if stuffed else b"", 4 | 2)
    elif kind == "annotation-no-view-widget":
        annotation(page, ANNOTATION_TEXT if stuffed else b"", 4 | 32, b"/Widget")
    elif kind == "annotation-hidden-widget":
        annotation(page, ANNOTATION_TEXT if stuffed else b"", 4 | 2, b"/Widget")
    elif kind == "annotation-in-a-layer-off":
        layer = page.add(b"<< /Type /OCG /Name (Extras) >>")
        page.catalog = b"/OCProperties << /OCGs [" + layer + b"] /D << /OFF [" + layer + b"] >> >>"
        annotation(page, ANNOTATION_TEXT if stuffed else b"", 4, oc=layer)
    elif kind == "annotation-not-printed":
        annotation(page, ANNOTATION_TEXT if stuffed else b"", 0)
    elif kind == "form-scaled-stroke":
        page.resource(b"XObject", b"Fx", form(half + b"1 1 1 RG 10 w 35 302 m 185 302 l S"))
        page.content.append(b"q 2 0 0 2 0 0 cm /Fx Do Q")
    elif kind == "form-matrix-fill":
        page.resource(b"XObject", b"Fx", form(half + b"1 1 1 rg 35 297 150 8 re f", b"/Matrix [2 0 0 2 0 0]"))
        page.content.append(b"/Fx Do")
    elif kind == "form-turned-stroke":  # the page's line, then a white stroke in a form turned 90 degrees
        page.resource(b"XObject", b"Fx", form(b"1 1 1 RG 20 w 604 0 m 604 330 l S"))
        page.content.append(line + b" q 0 1 -1 0 400 0 cm /Fx Do Q")
    elif kind == "form-text-other-form-cover":  # text in one scaled form, the cover in another, moved
        page.resource(b"XObject", b"Fx", form(half))
        page.resource(b"XObject", b"Fy", form(b"1 1 1 rg 0 0 260 16 re f"))
        page.content.append(b"q 2 0 0 2 0 0 cm /Fx Do Q q 1 0 0 1 70 594 cm /Fy Do Q")
    elif kind == "form-nested-stroke":
        inner = page.add(form(half + b"q 1 1 1 RG 10 w 35 302 m 185 302 l S Q"))
        page.resource(b"XObject", b"Fx", stream(b"/Type /XObject /Subtype /Form /BBox [0 0 612 792] "
                                                b"/Resources << /XObject << /Fy " + inner + b" >> >>",
                                                b"q 2 0 0 2 0 0 cm /Fy Do Q"))
        page.content.append(b"q 1 0 0 1 0 0 cm /Fx Do Q")
    elif kind == "lying-font-honest-namesake":
        if stuffed:
            lying_font(page, STUFFED)
    elif kind == "lying-font-standard-encoding":
        if stuffed:
            lying_font(page, STUFFED, base=b"Times-Roman", encoding=False)
    else:
        raise ValueError(kind)
    return page.pdf()


KINDS = {
    "soft-mask-empty-group": "masked out",
    "soft-mask-black-group": "masked out",
    "soft-mask-alpha-of-nothing": "masked out",
    "soft-mask-elsewhere": "masked out",
    "soft-mask-over-a-form": "masked out",
    "group-at-alpha-0": "masked out",
    "alpha-near-0": "masked out",
    "annotation-hidden": "annotation that is hidden or not printed",
    "annotation-no-view-widget": "annotation that is hidden or not printed",
    "annotation-hidden-widget": "annotation that is hidden or not printed",
    "annotation-not-printed": "annotation that is hidden or not printed",
    "annotation-in-a-layer-off": "annotation that is hidden or not printed",
    "form-scaled-stroke": "covered",
    "form-matrix-fill": "covered",
    "form-turned-stroke": "covered",
    "form-text-other-form-cover": "covered",
    "form-nested-stroke": "covered",
    "lying-font-honest-namesake": "contradicts",
    "lying-font-standard-encoding": "contradicts",
}


@pytest.fixture(scope="module")
def job():
    return load_job("network-engineer")


@pytest.mark.parametrize("kind", sorted(KINDS))
@pytest.mark.parametrize("engine", ["auto", "pdfplumber"])
def test_pdf_text_a_reader_cannot_see_is_ignored_and_named(kind, engine, job):
    document = parse(build(kind), name="stuffed.pdf", pdf_engine=engine)
    assert "BGP" not in document.text and "OSPF" not in document.text, document.text
    assert "Installed ONTs" in document.text and "Ana Ruiz" in document.text
    assert any(KINDS[kind] in warning for warning in document.warnings), document.warnings
    clean = parse(build(kind, stuffed=False), name="clean.pdf", pdf_engine=engine)
    assert match(document, job).score == match(clean, job).score


# -- what a reader does see is read -----------------------------------------------------------------

def _seen(kind: str) -> bytes:
    page = Page()
    if kind == "soft-mask-white-group":
        soft_mask(page, LINE, b"1 g 0 0 612 792 re f")
    elif kind == "soft-mask-white-backdrop":
        soft_mask(page, LINE, b"", backdrop=b"/BC [1]")
    elif kind == "group-at-alpha-1":
        group_at(page, LINE, b"1")
    elif kind == "alpha-half":
        alpha(page, LINE, b"0.5")
    elif kind == "annotation-printed":
        annotation(page, ANNOTATION_TEXT, 4)
    elif kind == "annotation-printed-widget":
        annotation(page, ANNOTATION_TEXT, 4, b"/Widget")
    elif kind == "form-scaled-stroke-elsewhere":
        page.resource(b"XObject", b"Fx", form(HALF_LINE + b"1 1 1 RG 10 w 35 250 m 185 250 l S"))
        page.content.append(b"q 2 0 0 2 0 0 cm /Fx Do Q")
    elif kind == "form-matrix-fill-before":  # the white box is drawn first: a background
        page.resource(b"XObject", b"Fx", form(b"1 1 1 rg 35 297 150 8 re f 0 g " + HALF_LINE, b"/Matrix [2 0 0 2 0 0]"))
        page.content.append(b"/Fx Do")
    elif kind == "honest-font-without-encoding":
        honest = (b"/CIDInit /ProcSet findresource begin 12 dict begin begincmap /CMapName /Ok def "
                  b"1 begincodespacerange <00> <FF> endcodespacerange 2 beginbfchar <42> <0042> <47> <0047> "
                  b"endbfchar endcmap CMapName currentdict /CMap defineresource pop end end")
        page.resource(b"Font", b"F2", b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /ToUnicode "
                      + page.add(stream(b"", honest)) + b" >>")
        page.content.append(b"BT /F2 11 Tf 72 600 Td (" + STUFFED + b") Tj ET")
    else:
        raise ValueError(kind)
    return page.pdf()


@pytest.mark.parametrize("kind", [
    "soft-mask-white-group", "soft-mask-white-backdrop", "group-at-alpha-1", "alpha-half", "annotation-printed",
    "annotation-printed-widget", "form-scaled-stroke-elsewhere", "form-matrix-fill-before",
    "honest-font-without-encoding",
])
def test_pdf_text_a_reader_sees_is_read(kind):
    document = parse(_seen(kind), name="seen.pdf")
    assert STUFFED.decode() in document.text, document.text
    assert not [w for w in document.warnings if "hidden text" in w or "contradicts" in w], document.warnings


def test_a_soft_mask_hides_only_the_letters_it_masks():
    page = Page()
    soft_mask(page, LINE, b"1 g 60 590 125 30 re f")  # shows the line's first words only
    document = parse(page.pdf(), name="half.pdf")
    assert "BGP OSPF" in document.text
    assert "design" not in document.text
    assert any("masked out" in warning for warning in document.warnings)


def test_a_turned_cover_hides_only_the_letters_under_it():
    """A white square turned 45 degrees below the line's middle: its bounding box reaches over
    words its corners do not."""
    page = Page()
    page.resource(b"XObject", b"Fx", form(b"1 1 1 rg -30 -30 60 60 re f"))
    page.content.append(LINE + b" q 0.7071 0.7071 -0.7071 0.7071 160 582 cm /Fx Do Q")
    document = parse(page.pdf(), name="turned.pdf")
    assert "BGP" in document.text and "design" in document.text  # beside the square's corners
    assert STUFFED.decode() not in document.text  # the letters under it are not read


def test_printed_annotations_keep_the_page_links():
    page = Page()
    annotation(page, ANNOTATION_TEXT, 4)
    page.annots.append(page.add(b"<< /Type /Annot /Subtype /Link /Rect [70 695 200 712] "
                                b"/A << /S /URI /URI (https://example.org/ana) >> >>"))
    document = parse(page.pdf(), name="links.pdf")
    assert STUFFED.decode() in document.text
    assert "https://example.org/ana" in document.links


def test_a_printed_annotation_covers_the_text_beneath_it(job):
    """Flattened into the page, an opaque appearance hides what it is drawn over."""
    page = Page()
    page.content.append(LINE)
    annotation(page, b"1 1 1 rg 0 0 300 20 re f", 4, b"/Square", y=594)
    document = parse(page.pdf(), name="covered.pdf")
    assert "BGP" not in document.text
    assert any("covered" in warning for warning in document.warnings)


# -- tricks of every class, mixed -------------------------------------------------------------------

_PHRASES = [b"BGP OSPF", b"MPLS CCNP", b"network design", b"Juniper JNCIA", b"firewall VPN", b"Python automation"]


def _line(y: float, phrase: bytes, size: float = 11, x: float = 72) -> bytes:
    return b"BT /F1 %g Tf %g %g Td (%s) Tj ET" % (size, x, y, phrase)


def _trick(page: Page, trick: str, y: int, phrase: bytes) -> None:
    """Draw ``phrase`` at height ``y`` hidden by ``trick`` (an empty phrase draws no letters)."""
    line = _line(y, phrase) if phrase else b""
    name = trick.encode().replace(b"-", b"")
    if trick == "soft-mask":
        mask = page.add(stream(b"/Type /XObject /Subtype /Form /BBox [0 0 612 792] "
                               b"/Group << /S /Transparency /CS /DeviceGray >>", b"0 g 0 0 612 792 re f"))
        page.resource(b"ExtGState", name, b"<< /SMask << /Type /Mask /S /Luminosity /G " + mask + b" >> >>")
        page.content.append(b"q /" + name + b" gs " + line + b" Q")
    elif trick == "group-alpha-0":
        page.resource(b"ExtGState", name, b"<< /ca 0 /CA 0 >>")
        page.resource(b"XObject", name + b"x", form(line, b"/Group << /S /Transparency >>"))
        page.content.append(b"q /" + name + b" gs /" + name + b"x Do Q")
    elif trick == "alpha-near-0":
        page.resource(b"ExtGState", name, b"<< /ca 0.02 /CA 0.02 >>")
        page.content.append(b"q /" + name + b" gs " + line + b" Q")
    elif trick in ("annotation-hidden", "annotation-not-printed"):
        text = b"BT /F1 11 Tf 2 6 Td (" + phrase + b") Tj ET" if phrase else b""
        annotation(page, text, 6 if trick == "annotation-hidden" else 0, y=y - 6)
    elif trick == "form-scaled-stroke":
        text = _line(y / 2, phrase, 5.5, 36) if phrase else b""
        page.resource(b"XObject", name, form(text + b" 1 1 1 RG 10 w 35 %g m 250 %g l S" % (y / 2 + 2, y / 2 + 2)))
        page.content.append(b"q 2 0 0 2 0 0 cm /" + name + b" Do Q")
    elif trick == "form-matrix-fill":
        text = _line(y / 2, phrase, 5.5, 36) if phrase else b""
        cover = b" 1 1 1 rg 35 %g 220 8 re f" % (y / 2 - 3)
        page.resource(b"XObject", name, form(text + cover, b"/Matrix [2 0 0 2 0 0]"))
        page.content.append(b"/" + name + b" Do")
    elif trick == "lying-font":
        if phrase:
            lying_font(page, phrase, y=y, name=name)
    elif trick == "white":
        page.content.append(b"q 1 1 1 rg " + line + b" Q")
    elif trick == "render-3":
        page.content.append(b"q 3 Tr " + line + b" 0 Tr Q")
    else:
        raise ValueError(trick)


_TRICKS = ["soft-mask", "group-alpha-0", "alpha-near-0", "annotation-hidden", "annotation-not-printed",
           "form-scaled-stroke", "form-matrix-fill", "lying-font", "white", "render-3"]


def _mixed(chosen: dict[str, bytes]) -> bytes:
    page = Page()
    for number, (trick, phrase) in enumerate(sorted(chosen.items())):
        _trick(page, trick, 600 - 24 * number, phrase)
    return page.pdf()


@settings(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.sampled_from(_TRICKS), min_size=1, max_size=5, unique=True), st.randoms())
def test_mixed_hiding_tricks_of_every_class_never_raise_the_score(job, tricks, random):
    phrases = random.sample(_PHRASES, len(tricks))
    stuffed = parse(_mixed(dict(zip(tricks, phrases))), name="stuffed.pdf")
    clean = parse(_mixed({trick: b"" for trick in tricks}), name="clean.pdf")
    assert match(stuffed, job).score <= match(clean, job).score
    assert not any(phrase.decode() in stuffed.text for phrase in phrases), stuffed.text
    assert "Installed ONTs" in stuffed.text
