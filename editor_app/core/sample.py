"""The sample article created on first run, so the app never opens empty."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from editor_app.core.article_data import ArticleData, ArticleRecord, BylineData
from editor_app.core.articles import ArticleService
from editor_app.core.fileio import read_text_file

__all__ = ["SAMPLE_HEADLINE", "create_sample_article", "sample_article_data"]

SAMPLE_HEADLINE = "मानसून से पहले लखनऊ के नालों की सफ़ाई शुरू, निगम ने तय की जून की समय-सीमा"


def sample_article_data(body_file: Path) -> ArticleData:
    """The sample story's text and metadata; ``body_file`` is resources/samples/…md."""
    return ArticleData(
        headline=SAMPLE_HEADLINE,
        dek="पिछले साल की बाढ़ से सबक़: चार नई मशीनें, हर वार्ड में निरीक्षक और रोज़ की रिपोर्ट",
        body=read_text_file(body_file),
        category="शहर",
        dateline_place="लखनऊ",
        dateline_date=date(2026, 4, 22),
        tags=("लखनऊ", "नगर निगम", "मानसून"),
        bylines=(
            BylineData("नेहा त्रिपाठी", "Neha Tripathi", "वरिष्ठ संवाददाता", "सम्पादक समाचार"),
            BylineData("इमरान क़ुरैशी", "Imran Qureshi", "फ़ोटो पत्रकार", "सम्पादक समाचार"),
        ),
    )


def create_sample_article(service: ArticleService, body_file: Path) -> ArticleRecord:
    """Store the sample article and return it."""
    return service.create(sample_article_data(body_file), note="sample article")
