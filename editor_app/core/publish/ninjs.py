"""IPTC ninjs 2.2 (News in JSON) of one article, valid against the IPTC schema.

Mapping (schema: ``ninjs-schema_2.2.json``; tests validate with format checks on):

- ``uri`` ``urn:uuid:<article uuid>``; ``type`` ``text``; ``representationtype`` ``full``;
  ``version`` the article's version (a string, as the schema wants).
- ``firstcreated``/``versioncreated``: creation and last change, ISO 8601 at +05:30.
- ``pubstatus``: see :data:`PUBSTATUS` (only approved/published stories are ``usable``;
  everything still on the desk is ``withheld``; a killed story would be ``canceled``).
- ``headlines`` (role ``main``), ``descriptions`` (the dek, role ``summary``), ``bodies``:
  the sanitised HTML fragment (``text/html``) and the plain text (``text/plain``), each with
  ``charcount`` and ``wordcount``.
- ``by``: the bylines as the newsroom writes them, joined with ``"; "``; ``people``: each
  byline as ``rel: author``.
- ``subjects``: every tag (``rel: tag``) and the category (``rel: category``).
- ``slugline`` the slug; ``language`` the article's language (``hi``); ``located`` the
  dateline place.
- ``ednote``: the correction of an updated story (``सुधार: …, updated <date>``; ninjs 2.2
  has no correction field, and the HTML body prints it for readers); ``embargoed``: the
  embargo time at +05:30.
- ``associations``: each image as a ``picture`` (``uri``: a UUID-5 of the article's UUID
  and the image number, stable across exports) with its caption (headline), alt text
  (description, role ``alt``), credit (``by``) and one rendition ``original`` whose
  ``title`` is its relative path in the bundle (``images/...``): ninjs wants absolute URIs
  in ``href``, and an export has no public address for its images.
"""

from __future__ import annotations

import json
import logging
import uuid
from typing import Any

import regex

from editor_app.core.publish.body_html import body_html, body_text
from editor_app.core.publish.source import (
    PublishArticle,
    PublishOptions,
    correction_text,
    ist_iso,
)

__all__ = ["PUBSTATUS", "render_ninjs", "to_ninjs"]

log = logging.getLogger(__name__)

#: Article status → ninjs pubstatus (unknown statuses are withheld).
PUBSTATUS = {"approved": "usable", "exported": "usable",
             "spiked": "canceled"}
_WORD = regex.compile(r"[\p{L}\p{M}\p{Nd}\u200c\u200d]+")


def _counts(text: str) -> dict[str, int]:
    return {"charcount": len(regex.findall(r"\X", text)),
            "wordcount": len(_WORD.findall(text))}


def to_ninjs(article: PublishArticle, options: PublishOptions | None = None) -> dict[str, Any]:
    """The ninjs 2.2 object of ``article`` (see the module mapping)."""
    options = options or PublishOptions()
    data = article.data
    plain = body_text(article)
    value: dict[str, Any] = {
        "uri": f"urn:uuid:{article.uuid}",
        "type": "text",
        "representationtype": "full",
        "version": str(article.version),
        "firstcreated": ist_iso(article.created_at),
        "versioncreated": ist_iso(article.updated_at),
        "pubstatus": PUBSTATUS.get(article.status, "withheld"),
        "language": data.language or "hi",
        "headlines": [{"role": "main", "contenttype": "text/plain", "value": data.headline}],
        "bodies": [
            {"role": "main", "contenttype": "text/html", "value": body_html(article),
             **_counts(plain)},
            {"role": "main", "contenttype": "text/plain", "value": plain, **_counts(plain)},
        ],
        "altids": [{"role": "sampadak-revision", "value": str(article.revision_id)}]
        if article.revision_id is not None else [],
    }
    if not value["altids"]:
        del value["altids"]
    if data.dek:
        value["descriptions"] = [{"role": "summary", "contenttype": "text/plain",
                                  "value": data.dek}]
    if data.bylines:
        value["by"] = "; ".join(b.display() for b in data.bylines)
        value["people"] = [
            {"name": b.name or b.name_latin, "rel": "author",
             **({"literal": b.name_latin} if b.name_latin else {})}
            for b in data.bylines]
    subjects = [{"name": tag, "rel": "tag"} for tag in data.tags]
    if data.category:
        subjects.append({"name": data.category, "rel": "category"})
    if subjects:
        value["subjects"] = subjects
    if data.slug:
        value["slugline"] = data.slug
    if data.dateline_place:
        value["located"] = data.dateline_place
    correction = correction_text(article.correction_note, article.corrected_at)
    if correction:  # ninjs 2.2 has no correction field: the note to the receiving desk
        value["ednote"] = correction
    if article.embargo_until is not None:
        value["embargoed"] = ist_iso(article.embargo_until)
    outlet = next((b.outlet for b in data.bylines if b.outlet), "") or options.publisher
    if outlet:
        value["copyrightholder"] = outlet
    associations = []
    for number, image in enumerate(article.images, start=1):
        item: dict[str, Any] = {
            "name": f"image{number}",
            "uri": f"urn:uuid:{uuid.uuid5(uuid.UUID(article.uuid), f'image:{number}')}",
            "type": "picture",
            "renditions": [{"name": "original", "title": image.entry,
                            "contenttype": image.media_type,
                            "sizeinbytes": len(image.data)}],
        }
        if image.caption:
            item["headlines"] = [{"role": "caption", "value": image.caption}]
        if image.alt_text:
            item["descriptions"] = [{"role": "alt", "value": image.alt_text}]
        if image.credit:
            item["by"] = image.credit
        associations.append(item)
    if associations:
        value["associations"] = associations
    return value


def render_ninjs(article: PublishArticle, options: PublishOptions | None = None) -> str:
    """``ninjs.json``: :func:`to_ninjs` as indented UTF-8 JSON with sorted keys."""
    return json.dumps(to_ninjs(article, options), ensure_ascii=False, indent=2,
                      sort_keys=True) + "\n"
