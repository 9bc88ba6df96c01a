"""Article images: type sniffing, limits, captions, audit."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from editor_app.core import assets
from editor_app.core.article_data import ArticleData
from editor_app.core.articles import ArticleService
from editor_app.core.errors import ImportRejected, NotFoundError
from editor_app.core.models import AuditEvent

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64


@pytest.fixture
def article_id(db):
    return ArticleService(db, "x").create(ArticleData(headline="चित्र")).id


def test_add_list_update_remove(db, article_id, tmp_path):
    path = tmp_path / "बाढ़.png"
    path.write_bytes(PNG)
    info = assets.add_image(db, article_id, path, caption="पानी में डूबी सड़क ",
                            credit="इमरान क़ुरैशी", alt_text="सड़क", user="नेहा")
    assert info.media_type == "image/png" and info.size == len(PNG)
    assert info.ref == f"asset:{info.id}" and assets.parse_asset_ref(info.ref) == info.id
    assert info.caption == "पानी में डूबी सड़क"
    assert [a.id for a in assets.list_assets(db, article_id)] == [info.id]
    assert assets.image_data(db, info.id) == ("image/png", PNG)
    updated = assets.update_asset(db, info.id, caption="नई", credit="एजेंसी", alt_text="")
    assert (updated.caption, updated.credit) == ("नई", "एजेंसी")
    assets.remove_asset(db, info.id, user="नेहा")
    assert assets.list_assets(db, article_id) == []
    with db.session() as session:
        actions = list(session.scalars(select(AuditEvent.action).where(
            AuditEvent.action.like("asset.%")).order_by(AuditEvent.id)))
    assert actions == ["asset.add", "asset.update", "asset.remove"]


@pytest.mark.parametrize("content", [b"<svg onload=alert(1)>", b"MZ\x90\x00", b"", b"GIF8"])
def test_rejects_non_images_whatever_the_name(db, article_id, tmp_path, content):
    path = tmp_path / "photo.jpg"
    path.write_bytes(content)
    with pytest.raises(ImportRejected, match="not a JPEG, PNG, GIF or WebP"):
        assets.add_image(db, article_id, path)
    assert assets.list_assets(db, article_id) == []


def test_limits_and_missing(db, article_id, tmp_path, monkeypatch):
    monkeypatch.setattr(assets, "MAX_IMAGE_BYTES", 32)
    big = tmp_path / "big.png"
    big.write_bytes(PNG)
    with pytest.raises(ImportRejected, match="at most"):
        assets.add_image(db, article_id, big)
    with pytest.raises(ImportRejected, match="no such file"):
        assets.add_image(db, article_id, tmp_path / "missing.png")
    with pytest.raises(NotFoundError):
        assets.image_data(db, 999)


def test_sniffing():
    assert assets.sniff_image_type(b"\xff\xd8\xff\xe0rest") == "image/jpeg"
    assert assets.sniff_image_type(b"RIFF\x00\x00\x00\x00WEBPVP8 ") == "image/webp"
    assert assets.sniff_image_type(b"RIFF\x00\x00\x00\x00WAVE") is None
