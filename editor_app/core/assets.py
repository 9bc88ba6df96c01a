"""Images attached to an article, with caption, credit and alt text.

Contract:
- :func:`add_image` accepts JPEG, PNG, GIF and WebP recognised by their first bytes (the file
  name is not trusted), up to :data:`MAX_IMAGE_BYTES`; anything else raises
  :class:`ImportRejected` with a clear message and stores nothing.
- Texts are stored NFC. Asset references in the body Markdown are ``asset:<id>``.
- Every change writes an :class:`AuditEvent`.
"""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import func, select

from editor_app.core.db import Database
from editor_app.core.errors import ImportRejected, NotFoundError
from editor_app.core.models import Article, Asset, AuditEvent
from editor_app.core.text.normalize import to_nfc

__all__ = ["MAX_IMAGE_BYTES", "AssetInfo", "add_image", "asset_ref", "image_data",
           "list_assets", "parse_asset_ref", "remove_asset", "sniff_image_type",
           "update_asset"]

log = logging.getLogger(__name__)

MAX_IMAGE_BYTES = 25 * 1024 * 1024
_SIGNATURES: tuple[tuple[bytes, str], ...] = (
    (b"\xff\xd8\xff", "image/jpeg"),
    (b"\x89PNG\r\n\x1a\n", "image/png"),
    (b"GIF87a", "image/gif"),
    (b"GIF89a", "image/gif"),
)
EXTENSIONS = {"image/jpeg": "jpg", "image/png": "png", "image/gif": "gif", "image/webp": "webp"}


@dataclass(frozen=True, slots=True)
class AssetInfo:
    """An image's metadata (its bytes come from :func:`image_data`)."""

    id: int
    article_id: int
    position: int
    filename: str
    media_type: str
    size: int
    caption: str
    credit: str
    alt_text: str

    @property
    def ref(self) -> str:
        """The reference used in the body Markdown."""
        return asset_ref(self.id)


def asset_ref(asset_id: int) -> str:
    """``asset:<id>``."""
    return f"asset:{asset_id}"


def parse_asset_ref(ref: str) -> int | None:
    """The id in ``asset:<id>``, or ``None`` for any other reference."""
    prefix, _, rest = ref.partition(":")
    return int(rest) if prefix == "asset" and rest.isdigit() else None


def sniff_image_type(data: bytes) -> str | None:
    """Media type from the first bytes, or ``None`` when not a supported image."""
    for signature, media_type in _SIGNATURES:
        if data.startswith(signature):
            return media_type
    if len(data) >= 12 and data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "image/webp"
    return None


def _info(row: Asset, size: int) -> AssetInfo:
    return AssetInfo(row.id, row.article_id, row.position, row.filename, row.media_type, size,
                     row.caption, row.credit, row.alt_text)


def _audit(action: str, article_id: int, user: str, detail: dict[str, object]) -> AuditEvent:
    return AuditEvent(user=user, action=action, article_id=article_id,
                      detail_json=json.dumps(detail, ensure_ascii=False))


def add_image(db: Database, article_id: int, path: Path, *, caption: str = "",
              credit: str = "", alt_text: str = "", user: str = "") -> AssetInfo:
    """Attach the image file at ``path`` to the article (see module contract)."""
    try:
        size = path.stat().st_size
        if size > MAX_IMAGE_BYTES:
            raise ImportRejected(f"{path.name} is {size // (1024 * 1024)} MiB; images may be "
                                 f"at most {MAX_IMAGE_BYTES // (1024 * 1024)} MiB")
        data = path.read_bytes()
    except FileNotFoundError as exc:
        raise ImportRejected(f"no such file: {path}") from exc
    except OSError as exc:
        raise ImportRejected(f"cannot read {path}: {exc.strerror or exc}") from exc
    media_type = sniff_image_type(data)
    if media_type is None:
        raise ImportRejected(f"{path.name} is not a JPEG, PNG, GIF or WebP image")
    with db.session() as session:
        if session.get(Article, article_id) is None:
            raise NotFoundError(f"no article with id {article_id}")
        position = session.scalar(select(func.count()).select_from(Asset)
                                  .where(Asset.article_id == article_id)) or 0
        row = Asset(article_id=article_id, position=position, filename=to_nfc(path.name),
                    media_type=media_type, data=data, caption=to_nfc(caption).strip(),
                    credit=to_nfc(credit).strip(), alt_text=to_nfc(alt_text).strip())
        session.add(row)
        session.flush()
        session.add(_audit("asset.add", article_id, user, {"asset": row.id,
                                                            "file": row.filename}))
        return _info(row, len(data))


def list_assets(db: Database, article_id: int) -> list[AssetInfo]:
    """The article's images in order."""
    with db.session() as session:
        rows = session.execute(
            select(Asset, func.length(Asset.data)).where(Asset.article_id == article_id)
            .order_by(Asset.position, Asset.id)).all()
        return [_info(row, int(size or 0)) for row, size in rows]


def image_data(db: Database, asset_id: int) -> tuple[str, bytes]:
    """``(media_type, bytes)`` of an image; :class:`NotFoundError` if it is gone."""
    with db.session() as session:
        row = session.get(Asset, asset_id)
        if row is None:
            raise NotFoundError(f"no image with id {asset_id}")
        return row.media_type, row.data


def update_asset(db: Database, asset_id: int, *, caption: str, credit: str, alt_text: str,
                 user: str = "") -> AssetInfo:
    """Change an image's caption, credit and alt text."""
    with db.session() as session:
        row = session.get(Asset, asset_id)
        if row is None:
            raise NotFoundError(f"no image with id {asset_id}")
        row.caption, row.credit = to_nfc(caption).strip(), to_nfc(credit).strip()
        row.alt_text = to_nfc(alt_text).strip()
        session.add(_audit("asset.update", row.article_id, user, {"asset": asset_id}))
        session.flush()
        return _info(row, len(row.data))


def remove_asset(db: Database, asset_id: int, *, user: str = "") -> None:
    """Detach and delete an image."""
    with db.session() as session:
        row = session.get(Asset, asset_id)
        if row is None:
            raise NotFoundError(f"no image with id {asset_id}")
        session.add(_audit("asset.remove", row.article_id, user,
                           {"asset": asset_id, "file": row.filename}))
        session.delete(row)
