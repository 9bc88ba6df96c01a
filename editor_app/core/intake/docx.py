"""Word ``.docx`` files (python-docx over a zip checked by :func:`check_zip` first).

Mapping: style ``Title`` (or the first ``Heading 1`` when there is no Title) → headline,
``Subtitle`` → dek, ``Heading 1``/``Heading 2`` → ``##``, deeper headings → ``###``, list
styles and numbered paragraphs → ``-``/``1.`` items, bold/italic runs → ``**``/``*``, inline
pictures → images (bytes sniffed: JPEG, PNG, GIF, WebP only) whose caption is the next
paragraph in the ``Caption`` style. Core properties give author (a byline), keywords (tags),
category and subject (dek when no Subtitle).

Contract: :func:`parse_docx` raises :class:`ImportRejected` for anything that is not a
readable, safe .docx; it never touches the database.
"""

from __future__ import annotations

import logging
from typing import Any

import docx
from docx.document import Document
from docx.opc.exceptions import PackageNotFoundError
from docx.text.hyperlink import Hyperlink

from editor_app.core.article_data import ArticleData, BylineData
from editor_app.core.assets import EXTENSIONS, MAX_IMAGE_BYTES, sniff_image_type
from editor_app.core.errors import ImportRejected
from editor_app.core.intake.mdtext import escape_block, escape_inline
from editor_app.core.intake.result import ImportedImage, ImportResult
from editor_app.core.intake.safezip import check_zip

__all__ = ["IMAGE_REF_PREFIX", "parse_docx"]

log = logging.getLogger(__name__)

#: Placeholder reference of an image in the body until it is stored.
IMAGE_REF_PREFIX = "import-image:"
_BLIP = "{http://schemas.openxmlformats.org/drawingml/2006/main}blip"
_EMBED = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}embed"


def _run_markdown(run: Any) -> str:
    text = escape_inline(run.text)
    if not text.strip():
        return str(text)
    lead = text[:len(text) - len(text.lstrip())]
    trail = text[len(text.rstrip()):]
    core = text.strip()
    if run.bold and run.italic:
        core = f"***{core}***"
    elif run.bold:
        core = f"**{core}**"
    elif run.italic:
        core = f"*{core}*"
    return lead + core + trail


def _runs_markdown(paragraph: Any) -> str:
    """The paragraph's runs and hyperlinks as inline Markdown (``[text](url)``)."""
    out = []
    for part in paragraph.iter_inner_content():
        if isinstance(part, Hyperlink):
            inner = "".join(_run_markdown(r) for r in part.runs).strip()
            url = part.url or ""
            safe = url.startswith(("http://", "https://", "mailto:"))
            target = (url.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
                      .replace(" ", "%20"))
            out.append(f"[{inner}]({target})" if inner and safe else inner)
        else:
            out.append(_run_markdown(part))
    return "".join(out).replace("****", "").strip()


def _images_of(paragraph: Any, doc: Document) -> list[tuple[str, bytes]]:
    found = []
    for blip in paragraph._p.iter(_BLIP):
        rid = blip.get(_EMBED)
        part = doc.part.related_parts.get(rid) if rid else None
        if part is not None:
            found.append((str(getattr(part, "partname", "image")).rsplit("/", 1)[-1],
                          part.blob))
    return found


def _is_list(paragraph: Any) -> tuple[bool, bool]:
    style = (paragraph.style.name if paragraph.style is not None else "") or ""
    numbered = "Number" in style
    ppr = paragraph._p.pPr
    has_num = ppr is not None and ppr.numPr is not None
    return ("List" in style or has_num), numbered


def parse_docx(data: bytes, source: str = "") -> ImportResult:
    """One article from a Word file (see module contract)."""
    name = source or "the file"
    check_zip(data, name)
    try:
        import io
        document = docx.Document(io.BytesIO(data))
    except (PackageNotFoundError, KeyError, ValueError, OSError) as exc:
        raise ImportRejected(f"{name} is not a Word (.docx) document: {exc}") from exc
    except Exception as exc:  # python-docx raises lxml and zip errors of many kinds
        log.info("docx parse failed for %s: %s", name, exc)
        raise ImportRejected(f"{name} could not be read as a Word document: {exc}") from exc
    headline = dek = ""
    blocks: list[str] = []
    images: list[ImportedImage] = []
    warnings: list[str] = []
    subheads: list[str] = []
    paragraphs = list(document.paragraphs)
    has_title = any((p.style.name if p.style is not None else "") == "Title"
                    for p in paragraphs)
    for paragraph in paragraphs:
        style = (paragraph.style.name if paragraph.style is not None else "") or ""
        text = paragraph.text.strip()
        for filename, blob in _images_of(paragraph, document):
            media_type = sniff_image_type(blob)
            if media_type is None or len(blob) > MAX_IMAGE_BYTES:
                warnings.append(f"picture {filename} left out (not a JPEG/PNG/GIF/WebP "
                                "image or too large)")
                continue
            ref = f"{IMAGE_REF_PREFIX}{len(images)}"
            if "." not in filename:
                filename += "." + EXTENSIONS[media_type]
            images.append(ImportedImage(ref, filename, media_type, blob))
            blocks.append(f"![]({ref})")
        if not text:
            continue
        if style == "Caption" and blocks and blocks[-1].startswith("![") and images:
            last = images[-1]
            images[-1] = ImportedImage(last.ref, last.filename, last.media_type, last.data,
                                       caption=text)
            title = text.replace("\\", "\\\\").replace('"', '\\"')
            blocks[-1] = f'![]({last.ref} "{title}")'
            continue
        if style == "Title" and not headline:
            headline = text
        elif style == "Subtitle" and not dek:
            dek = text
        elif style == "Heading 1" and not headline and not has_title:
            headline = text
        elif style.startswith("Heading"):
            level = style.removeprefix("Heading").strip()
            marks = "##" if level in ("1", "2") else "###"
            subheads.append(text)
            blocks.append(f"{marks} {escape_inline(text)}")
        else:
            is_list, numbered = _is_list(paragraph)
            md = _runs_markdown(paragraph) or escape_block(text)
            if is_list:
                blocks.append(("1. " if numbered else "- ") + md)
            else:
                blocks.append(escape_block(md) if md.startswith(("#", "-", ">")) else md)
    body = _join(blocks)
    props = document.core_properties
    bylines = tuple(BylineData(a.strip()) for a in (props.author or "").split(";")
                    if a.strip())
    tags = tuple(t.strip() for t in (props.keywords or "").replace(";", ",").split(",")
                 if t.strip())
    data_ = ArticleData(headline=headline, dek=dek or (props.subject or "").strip(),
                        body=body, category=(props.category or "").strip(), tags=tags,
                        bylines=bylines)
    if not headline:
        warnings.append("no Title or Heading 1 paragraph: the headline is empty")
    return ImportResult(data=data_, source=source, format="docx", images=tuple(images),
                        subheadings=tuple(subheads), warnings=tuple(warnings))


def _join(blocks: list[str]) -> str:
    """Blocks separated by blank lines; consecutive list items stay one list."""
    out: list[str] = []
    for block in blocks:
        marker = next((m for m in ("- ", "1. ") if block.startswith(m)), "")
        if out and marker and out[-1].split("\n")[-1].startswith(marker):
            out[-1] += "\n" + block
        else:
            out.append(block)
    return "\n\n".join(out) + ("\n" if out else "")
