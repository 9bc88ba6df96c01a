"""ArticleService stores every body in its one canonical Markdown form (issue 10 item 1)."""

from __future__ import annotations

from dataclasses import replace

import pytest
import sqlalchemy as sa

from editor_app.core.article_data import ArticleData
from editor_app.core.articles import ArticleService
from editor_app.core.markdown_model import canonical_markdown
from editor_app.core.models import Article

RAW = "# शीर्षक\n\nAT&amp;T <b>मोटा</b> `x*y*`\nदूसरी पंक्ति\n\n* एक\n* दो"
CANONICAL = ("## शीर्षक\n\nAT\\&amp;T \\<b>मोटा\\</b> \\`x\\*y\\*\\` दूसरी पंक्ति\n\n"
             "- एक\n- दो\n")


@pytest.fixture
def service(db):
    return ArticleService(db, "सीमा")


def test_create_and_save_store_the_canonical_body(service: ArticleService) -> None:
    assert canonical_markdown(RAW) == CANONICAL
    record = service.create(ArticleData(headline="ख़बर", body=RAW))
    assert record.data.body == CANONICAL
    assert service.get(record.id).data.body == CANONICAL
    saved = service.save(record.id, replace(record.data, body=RAW + "\n\n> उद्धरण"),
                         record.version)
    assert saved.data.body == CANONICAL + "\n> उद्धरण\n"
    assert service.revisions(record.id)[-1].body == CANONICAL + "\n> उद्धरण\n"


def test_saving_a_raw_body_again_writes_nothing(service: ArticleService) -> None:
    record = service.create(ArticleData(headline="ख़बर", body=RAW))
    again = service.save(record.id, replace(record.data, body=RAW), record.version)
    assert again.version == record.version
    assert len(service.revisions(record.id)) == 1


def test_an_old_stored_body_is_canonicalised_when_it_is_next_saved(db,
                                                                  service: ArticleService
                                                                  ) -> None:
    record = service.create(ArticleData(headline="ख़बर", body="पुराना"))
    with db.session() as session:  # a body stored before the canonical rule
        session.execute(sa.update(Article).where(Article.id == record.id).values(body=RAW))
    loaded = service.get(record.id)
    assert loaded.data.body == RAW  # reading never rewrites
    saved = service.save(record.id, loaded.data, loaded.version)
    assert saved.data.body == CANONICAL and saved.version == loaded.version + 1
