"""PDF proof for the desk, rendered from the same HTML with WeasyPrint (HarfBuzz shaping).

Why WeasyPrint and not Qt's PDF writer: it renders in core (no Qt, so the CLI and batch
export make proofs headless), it shapes Devanagari with HarfBuzz/Pango, and it supports CSS
paged media (page numbers, running headers). It needs Pango (Debian ``libpango-1.0-0``).

Contract of :func:`render_proof`: A4 pages with the proof table (status, revision number,
export time in IST, reporter and copy editor), headline, dek, bylines, dateline, body and
images with captions, ``page n / N`` at the foot. Nothing is fetched from outside: the URL
fetcher serves only the article's own ``images/...`` (from memory) and the bundled Noto
Devanagari fonts; every other URL is refused. WeasyPrint missing or failing raises
:class:`~editor_app.core.errors.StorageError` with the reason.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import lru_cache
from typing import Any

from markupsafe import Markup

from editor_app.core.errors import StorageError
from editor_app.core.publish import html as publish_html
from editor_app.core.publish.source import PublishArticle, PublishOptions, ist_iso
from editor_app.core.resources import resource_path

__all__ = ["ProofInfo", "proof_html", "proof_info", "render_proof"]

log = logging.getLogger(__name__)

_FONT_FACES = """
@font-face { font-family: "Noto Sans Devanagari"; font-weight: normal;
  src: url("sampadak-font:NotoSansDevanagari-Regular.ttf"); }
@font-face { font-family: "Noto Sans Devanagari"; font-weight: bold;
  src: url("sampadak-font:NotoSansDevanagari-Bold.ttf"); }
html { font-family: "Noto Sans Devanagari", sans-serif; }
"""


@dataclass(frozen=True, slots=True)
class ProofInfo:
    status: str
    revision: str
    reporter: str
    copy_editor: str
    exported: str


def proof_info(article: PublishArticle, exported_at: datetime | None = None) -> ProofInfo:
    """Reporter: the bylines (else the first revision's author); copy editor: the author of
    the newest revision when it is someone else (no review workflow yet)."""
    moment = exported_at or datetime.now(UTC)
    first = article.revisions[0].author if article.revisions else ""
    last = article.revisions[-1].author if article.revisions else ""
    reporter = ", ".join(b.name or b.name_latin for b in article.data.bylines) or first
    copy_editor = last if last and last not in (reporter, first) else "—"
    revision = f"{article.version}"
    if article.revision_id is not None:
        revision += f" (#{article.revision_id})"
    return ProofInfo(article.status, revision, reporter or "—", copy_editor, ist_iso(moment))


@lru_cache(maxsize=1)
def _proof_css() -> str:
    return resource_path("templates", "proof.css").read_text(encoding="utf-8")


def proof_html(article: PublishArticle, options: PublishOptions | None = None,
               exported_at: datetime | None = None) -> str:
    """The HTML the PDF is made from (autoescaped template, sanitised body)."""
    options = options or PublishOptions()
    context: dict[str, Any] = publish_html.article_context(article, options)
    context["proof"] = proof_info(article, exported_at)
    context["stylesheet"] = Markup(publish_html.stylesheet_text())  # our file
    return publish_html.template_environment().get_template("proof.html.j2").render(context)


def render_proof(article: PublishArticle, options: PublishOptions | None = None,
                 exported_at: datetime | None = None) -> bytes:
    """PDF bytes of the desk proof (see the module contract)."""
    try:
        import weasyprint
    except (ImportError, OSError) as exc:  # OSError: Pango missing
        raise StorageError(f"PDF export needs WeasyPrint and Pango: {exc}") from exc
    from weasyprint.urls import URLFetcher, URLFetcherResponse

    images = {image.entry: (image.data, image.media_type) for image in article.images}

    class ProofFetcher(URLFetcher):  # type: ignore[misc]
        """Serves the article's images and the bundled fonts; refuses everything else."""

        def fetch(self, url: str, headers: Any = None) -> Any:
            if url.startswith("sampadak-font:"):
                name = url.split(":", 1)[1]
                if name in ("NotoSansDevanagari-Regular.ttf", "NotoSansDevanagari-Bold.ttf"):
                    return URLFetcherResponse(url, resource_path("fonts", name).read_bytes(),
                                              {"Content-Type": "font/ttf"})
            path = url.removeprefix("sampadak-proof:/")  # relative src arrive as written
            if path in images:
                data, media_type = images[path]
                return URLFetcherResponse(url, data, {"Content-Type": media_type})
            log.warning("PDF proof: refused to fetch %s", url)
            raise ValueError(f"not fetched: {url}")

    fetch = ProofFetcher()
    try:
        document = weasyprint.HTML(string=proof_html(article, options, exported_at),
                                   base_url="sampadak-proof:/", url_fetcher=fetch)
        css = [weasyprint.CSS(string=_FONT_FACES + _proof_css(), url_fetcher=fetch)]
        pdf = document.write_pdf(stylesheets=css)
    except Exception as exc:  # WeasyPrint raises many kinds; the caller needs one
        raise StorageError(f"PDF proof could not be made: {exc}") from exc
    if not isinstance(pdf, bytes):
        raise StorageError("PDF proof could not be made: WeasyPrint returned nothing")
    return pdf
