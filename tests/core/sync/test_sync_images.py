"""Photos from the field travel with their story, and a synced story stays in step."""

from __future__ import annotations

import base64
from dataclasses import replace
from pathlib import Path

from sqlalchemy import delete

from editor_app.core.article_data import ArticleData
from editor_app.core.articles import ArticleService
from editor_app.core.assets import add_image, image_data, list_assets
from editor_app.core.models import SyncState
from editor_app.core.sync import SyncEngine
from editor_app.core.workflow.service import WorkflowService
from tests.core.sync.helpers import Field

PNG = base64.b64decode("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDw"
                       "AEhQGAhKmMIQAAAABJRU5ErkJggg==")


def test_an_image_is_pushed_and_the_story_stays_unchanged_after(field_dbs: Field,
                                                                 tmp_path: Path) -> None:
    f = field_dbs
    mine = ArticleService(f.laptop, f.reporter)
    image = tmp_path / "mela.png"
    image.write_bytes(PNG)
    # another story's image first, so the laptop's and the newsroom's image ids differ
    ArticleService(f.newsroom, f.desk).create(ArticleData(headline="डेस्क की खबर"))
    other = ArticleService(f.newsroom, f.desk).create(ArticleData(headline="दूसरी"))
    add_image(f.newsroom, other.id, image)
    record = mine.create(ArticleData(headline="मेले में भीड़", body="पहला अनुच्छेद।"))
    asset = add_image(f.laptop, record.id, image, caption="मेला", credit="फोटो: मीरा")
    record = mine.save(record.id, replace(
        record.data, body=f"पहला अनुच्छेद।\n\n![मेला](asset:{asset.id} \"मेला | फोटो: मीरा\")\n"),
        record.version)
    WorkflowService(f.laptop, f.reporter).transition(record.id, "submitted")
    report = SyncEngine(f.laptop, f.newsroom, f.reporter).run()
    assert report.summary()["pushed"] == 1
    desk = ArticleService(f.newsroom, f.desk)
    there = desk.get_by_uuid(record.uuid)
    assets = list_assets(f.newsroom, there.id)
    assert [a.caption for a in assets] == ["मेला"]
    assert image_data(f.newsroom, assets[0].id)[1] == PNG
    assert f"(asset:{assets[0].id}" in there.data.body and assets[0].id != asset.id
    # the desk edits the text around the photo; the laptop gets it with its own image id
    WorkflowService(f.newsroom, f.desk).transition(there.id, "returned", note="कैप्शन देखें")
    there = desk.get(there.id)
    desk.save(there.id, replace(there.data, body=there.data.body.replace(
        "पहला अनुच्छेद।", "मेले में हजारों लोग पहुंचे।")), there.version)
    report = SyncEngine(f.laptop, f.newsroom, f.reporter).run()
    assert report.summary()["pulled"] == 1, report.items
    here = mine.get(record.id)
    assert here.data.body.startswith("मेले में हजारों लोग पहुंचे।")
    assert f"(asset:{asset.id}" in here.data.body
    assert len(list_assets(f.laptop, record.id)) == 1
    report = SyncEngine(f.laptop, f.newsroom, f.reporter).run(uuids=[record.uuid])
    assert report.summary()["unchanged"] == 1
    # without the recorded state the two are compared by content: the same revision,
    # whatever the image ids
    with f.laptop.session() as session:
        session.execute(delete(SyncState))
    report = SyncEngine(f.laptop, f.newsroom, f.reporter).run(uuids=[record.uuid])
    assert report.summary()["unchanged"] == 1, report.items
