"""Merging a field bundle's article into the desk's copy with the same UUID.

Revisions are identified across machines by their content hash
(:func:`~editor_app.core.bundle_format.revision_hash`). With ``mine`` the local revision
hashes (oldest first) and ``theirs`` the bundle's:

- the bundle's newest hash is among mine → the desk already has it (``up-to-date``);
- my newest hash is among theirs → only the bundle moved on (``fast-forward``: their
  data is saved as one new revision);
- otherwise both changed since the common revision (the newest hash of theirs that is
  also mine, if any) → ``conflict``: :class:`FieldDiff` per field that differs, with the
  base value when the common revision is known; the user chooses per field with
  :func:`resolve`. Nothing is overwritten without that choice.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, fields, replace
from typing import Any, Literal

from editor_app.core.article_data import ArticleData, ArticleRecord, data_from_snapshot
from editor_app.core.articles import ArticleService
from editor_app.core.bundle_format import revision_hash
from editor_app.core.errors import ValidationError
from editor_app.core.models import AuditEvent

__all__ = ["Choice", "FieldDiff", "MergeKind", "classify", "data_hash", "field_diffs",
           "resolve"]

log = logging.getLogger(__name__)

MergeKind = Literal["up-to-date", "fast-forward", "conflict"]
Choice = Literal["mine", "theirs", "both"]


def data_hash(data: ArticleData, image_keys: Mapping[str, str] | None = None) -> str:
    """The content hash of an article state, as its revision would have it (image
    references named by content through ``image_keys``: see ``revision_hash``)."""
    return revision_hash(data.headline, data.dek, data.body, json.loads(data.metadata_json()),
                         image_keys)


def classify(mine: Sequence[str], theirs: Sequence[str]) -> tuple[MergeKind, str | None]:
    """``(kind, common hash)`` for two hash histories, oldest first (see module doc)."""
    mine_set = set(mine)
    common = next((h for h in reversed(theirs) if h in mine_set), None)
    if theirs and theirs[-1] in mine_set:
        return "up-to-date", common
    if mine and mine[-1] in set(theirs):
        return "fast-forward", common
    return "conflict", common


@dataclass(frozen=True, slots=True)
class FieldDiff:
    """One field that differs: the desk's value, the bundle's, and the common base's
    (``None`` when no common revision is known)."""

    name: str
    mine: Any
    theirs: Any
    base: Any = None

    @property
    def changed_by(self) -> str:
        """``"mine"``, ``"theirs"`` or ``"both"``: who changed it since the base."""
        if self.base is None:
            return "both"
        if self.mine == self.base:
            return "theirs"
        if self.theirs == self.base:
            return "mine"
        return "both"


def field_diffs(mine: ArticleData, theirs: ArticleData,
                base: ArticleData | None = None) -> list[FieldDiff]:
    """Every field of the two states that differs, in field order."""
    out = []
    for f in fields(ArticleData):
        a, b = getattr(mine, f.name), getattr(theirs, f.name)
        if a != b:
            out.append(FieldDiff(f.name, a, b, getattr(base, f.name) if base else None))
    return out


def base_data(revision: Any) -> ArticleData:
    """An :class:`ArticleData` of a bundle revision (headline, dek, body, metadata)."""
    return data_from_snapshot(revision.headline, revision.dek, revision.body,
                              revision.metadata)


def resolve(service: ArticleService, record: ArticleRecord, theirs: ArticleData,
            choices: Mapping[str, Choice], *, source: str = "") -> tuple[ArticleRecord,
                                                                         ArticleRecord | None]:
    """Apply the user's per-field choices to the desk's article.

    Every differing field must have a choice (else :class:`ValidationError`, nothing
    written). ``theirs`` takes the bundle's value; ``mine`` keeps the desk's; ``both`` keeps
    the desk's value here *and* stores the bundle's whole version as a new draft copy, so
    nothing is lost. Returns ``(merged record, copy or None)``; one ``article.merge`` audit
    event records the choices.
    """
    diffs = field_diffs(record.data, theirs)
    missing = [d.name for d in diffs if d.name not in choices]
    if missing:
        raise ValidationError(f"choose mine, theirs or both for: {', '.join(missing)}")
    merged = record.data
    for diff in diffs:
        if choices[diff.name] == "theirs":
            merged = replace(merged, **{diff.name: diff.theirs})
    copy = None
    if any(choices[d.name] == "both" for d in diffs):
        copy = service.create(replace(theirs, slug=""),
                              note=f"bundle version kept as a copy of article {record.id}")
    saved = service.save(record.id, merged, record.version, note="merged from bundle")
    with service.db.session() as session:
        session.add(AuditEvent(
            user=service.author, user_id=service.actor_id, action="article.merge",
            article_id=record.id,
            detail_json=json.dumps({"kind": "conflict", "source": source,
                                    "choices": {d.name: choices[d.name] for d in diffs},
                                    "copy": copy.id if copy else None},
                                   ensure_ascii=False)))
    return saved, copy
