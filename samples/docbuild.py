"""Helpers that write real PDF and DOCX files: used by generate.py and by the tests.

reportlab and python-docx write the documents; only the text box needs raw WordprocessingML,
because python-docx has no API for it. Word stores a text box twice (DrawingML for Word 2010+
and a VML fallback for older readers), and so do we, so readers are tested on the real shape.
"""

from __future__ import annotations

import io
from xml.sax.saxutils import escape

from docx.oxml import parse_xml
from reportlab.lib.pagesizes import LETTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import inch
from reportlab.platypus import BaseDocTemplate, Frame, FrameBreak, PageTemplate, Paragraph, Spacer

STYLES = {
    "name": ParagraphStyle("name", fontName="Helvetica-Bold", fontSize=20, leading=24, spaceAfter=4),
    "title": ParagraphStyle("title", fontName="Helvetica", fontSize=12, leading=15, spaceAfter=2),
    "contact": ParagraphStyle("contact", fontName="Helvetica", fontSize=9, leading=12, spaceAfter=8),
    "heading": ParagraphStyle("heading", fontName="Helvetica-Bold", fontSize=11, leading=14, spaceBefore=10, spaceAfter=4),
    "body": ParagraphStyle("body", fontName="Helvetica", fontSize=10, leading=13),
    "role": ParagraphStyle("role", fontName="Helvetica-Bold", fontSize=10, leading=13, spaceBefore=4),
    "bullet": ParagraphStyle("bullet", fontName="Helvetica", fontSize=10, leading=13, leftIndent=12, bulletIndent=2),
}


def pdf_bytes(main: list, sidebar: list | None = None, *, sidebar_width: float = 2.2 * inch) -> bytes:
    """A letter-size PDF; with ``sidebar``, a left sidebar column beside the main column."""
    buffer = io.BytesIO()
    document = BaseDocTemplate(
        buffer, pagesize=LETTER, leftMargin=0.6 * inch, rightMargin=0.6 * inch,
        topMargin=0.6 * inch, bottomMargin=0.6 * inch, invariant=1,
        title="Resume", author="resumematch samples",
    )
    x, y, width, height = document.leftMargin, document.bottomMargin, document.width, document.height
    if sidebar is None:
        frames = [Frame(x, y, width, height, id="main")]
        story = list(main)
    else:
        gutter = 0.35 * inch
        frames = [
            Frame(x, y, sidebar_width, height, id="sidebar"),
            Frame(x + sidebar_width + gutter, y, width - sidebar_width - gutter, height, id="main"),
        ]
        story = list(sidebar) + [FrameBreak()] + list(main)
    document.addPageTemplates([PageTemplate(id="page", frames=frames)])
    document.build(story)
    return buffer.getvalue()


def para(text: str, style: str = "body") -> Paragraph:
    return Paragraph(escape(text), STYLES[style])


def bullet(text: str) -> Paragraph:
    return Paragraph(escape(text), STYLES["bullet"], bulletText="\u2022")


def gap(points: float = 6) -> Spacer:
    return Spacer(1, points)


_TEXT_BOX = """
<w:r xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"
     xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"
     xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
     xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"
     xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"
     xmlns:v="urn:schemas-microsoft-com:vml">
  <mc:AlternateContent>
    <mc:Choice Requires="wps">
      <w:drawing>
        <wp:anchor distT="0" distB="0" distL="114300" distR="114300" simplePos="0" relativeHeight="251659264"
                   behindDoc="0" locked="0" layoutInCell="1" allowOverlap="1">
          <wp:simplePos x="0" y="0"/>
          <wp:positionH relativeFrom="column"><wp:posOffset>0</wp:posOffset></wp:positionH>
          <wp:positionV relativeFrom="paragraph"><wp:posOffset>0</wp:posOffset></wp:positionV>
          <wp:extent cx="5486400" cy="{height}"/>
          <wp:effectExtent l="0" t="0" r="0" b="0"/>
          <wp:wrapTopAndBottom/>
          <wp:docPr id="{shape_id}" name="Text Box {shape_id}"/>
          <wp:cNvGraphicFramePr/>
          <a:graphic>
            <a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape">
              <wps:wsp>
                <wps:cNvSpPr txBox="1"/>
                <wps:spPr>
                  <a:xfrm><a:off x="0" y="0"/><a:ext cx="5486400" cy="{height}"/></a:xfrm>
                  <a:prstGeom prst="rect"><a:avLst/></a:prstGeom>
                </wps:spPr>
                <wps:txbx><w:txbxContent>{paragraphs}</w:txbxContent></wps:txbx>
                <wps:bodyPr rot="0" vert="horz" wrap="square" anchor="t"/>
              </wps:wsp>
            </a:graphicData>
          </a:graphic>
        </wp:anchor>
      </w:drawing>
    </mc:Choice>
    <mc:Fallback>
      <w:pict>
        <v:shape id="Text Box {shape_id}" type="#_x0000_t202" style="width:432pt;height:{height_pt}pt">
          <v:textbox><w:txbxContent>{paragraphs}</w:txbxContent></v:textbox>
        </v:shape>
      </w:pict>
    </mc:Fallback>
  </mc:AlternateContent>
</w:r>
"""


def add_text_box(paragraph, lines: list[str], shape_id: int = 1) -> None:
    """Anchor a text box holding ``lines`` to a python-docx paragraph."""
    paragraphs = "".join(f"<w:p><w:r><w:t xml:space=\"preserve\">{escape(line)}</w:t></w:r></w:p>" for line in lines)
    height_pt = 16 * max(len(lines), 1)
    xml = _TEXT_BOX.format(paragraphs=paragraphs, shape_id=shape_id, height=height_pt * 12700, height_pt=height_pt)
    paragraph._p.append(parse_xml(xml))
