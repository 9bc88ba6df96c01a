"""WordPress eXtended RSS (WXR) 1.2 of one or many articles, for the WordPress importer.

Written to satisfy all three parsers of the WordPress importer (SimpleXML, the XML-parser
extension, and the line-based regex fallback), whose rules are:

- Well-formed XML without a DOCTYPE (SimpleXML refuses any); ``<wp:wxr_version>1.2``
  on one line, matching ``^\\d+\\.\\d+$``.
- Namespace prefixes exactly ``wp``, ``excerpt``, ``content``, ``dc`` (the XML-parser
  reader matches prefixed names literally), declared with the WXR 1.2 URIs.
- Each ``<wp:author>``, ``<wp:category>``, ``<wp:tag>`` element and the base URLs on ONE
  line (the regex reader matches them per line); ``<item>`` and ``</item>`` on lines of
  their own; ``wp:post_date`` before ``wp:post_date_gmt`` (the regex reader takes the first
  element whose name starts with the one asked for).
- ``dc:creator`` of an item is the ``wp:author_login`` of a declared author.
- Item terms as ``<category domain="category|post_tag" nicename="...">`` with ``domain``
  first and double quotes (the regex reader's pattern), a non-empty ``nicename`` (Latin
  slug) and the name in CDATA; channel terms with ``category_nicename``/``tag_slug``.
- Text in CDATA; ``]]>`` inside is split as ``]]]]><![CDATA[>`` (all readers join the
  pieces). Characters XML 1.0 forbids are dropped.

Contract: WordPress treats titles, excerpts, term and author names as HTML, so every
text but the body (headline, dek, category, tags, display names, post meta) is HTML-escaped
(``<script>`` arrives as the text ``&lt;script&gt;``); ``content:encoded`` is the sanitised
body fragment (:func:`~.body_html.body_html`; image ``src`` stay relative ``images/...``
and the images themselves travel in the bundle, not in the WXR), after the correction of an
updated story (``<p class="correction">सुधार: …, updated <date></p>``). Dates:
``wp:post_date`` in IST, ``wp:post_date_gmt`` in UTC, both ``YYYY-MM-DD HH:MM:SS``. Status
mapping in :data:`WP_STATUS`; an embargoed story that would be published is a ``future``
post dated at the embargo's end (WordPress publishes it then). Output is deterministic
(the channel date is the newest article's change). Known limit: the regex fallback reader
reads lines in 8 KiB pieces; a paragraph longer than that (about 2,700 Devanagari letters)
gets a line break there. The SimpleXML and XML readers, used whenever PHP has them, are
unaffected.
"""

from __future__ import annotations

import html
import logging
from collections.abc import Sequence
from datetime import UTC, datetime
from email.utils import format_datetime
from xml.sax.saxutils import escape as xml_escape

import regex

from editor_app.core.article_data import BylineData
from editor_app.core.publish.body_html import body_html
from editor_app.core.publish.html import canonical_url
from editor_app.core.publish.source import IST, PublishArticle, PublishOptions, correction_text
from editor_app.core.text.romanize import slugify

__all__ = ["WP_STATUS", "WXR_VERSION", "author_login", "cdata", "render_wxr"]

log = logging.getLogger(__name__)

WXR_VERSION = "1.2"
#: Article status → WordPress post status (unknown statuses become drafts).
WP_STATUS = {"draft": "draft", "returned": "draft", "submitted": "pending",
             "in_copy_edit": "pending", "approved": "publish", "exported": "publish",
             "spiked": "trash"}
_NOT_XML = regex.compile(r"[^\x09\x0a\x0d\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
_LOGIN_JUNK = regex.compile(r"[^a-z0-9_.-]+")


def _content(article: PublishArticle) -> str:
    """The post's HTML: the correction of an updated story first, then the body."""
    correction = correction_text(article.correction_note, article.corrected_at)
    body = body_html(article)
    if not correction:
        return body
    return f'<p class="correction">{html.escape(correction, quote=False)}</p>\n{body}'


def cdata(text: str) -> str:
    """``text`` as CDATA, XML-safe: forbidden characters dropped, ``]]>`` split."""
    clean = _NOT_XML.sub("", text)
    return "<![CDATA[" + clean.replace("]]>", "]]]]><![CDATA[>") + "]]>"


def _text(text: str) -> str:
    return xml_escape(_NOT_XML.sub("", text))


def author_login(byline: BylineData) -> str:
    """A WordPress-safe login: the Latin name (or the romanised Hindi name), lower case,
    letters, digits, ``._-`` only, at most 60 characters."""
    source = byline.name_latin or byline.name
    login = _LOGIN_JUNK.sub("-", slugify(source, max_length=60)).strip("-")
    return login or "sampadak"


def _wp_date(moment: datetime, zone: object) -> str:
    return moment.astimezone(zone).strftime("%Y-%m-%d %H:%M:%S")  # type: ignore[arg-type]


def _unique(base: str, taken: set[str]) -> str:
    name, n = base, 2
    while name in taken:
        name, n = f"{base}-{n}", n + 1
    taken.add(name)
    return name


class _Terms:
    """Channel-wide terms: name → nicename, unique per taxonomy, in first-seen order."""

    def __init__(self, fallback: str) -> None:
        self.fallback = fallback
        self.by_name: dict[str, str] = {}
        self._taken: set[str] = set()

    def add(self, name: str) -> str:
        if name not in self.by_name:
            base = slugify(name, max_length=60)
            if base == "article":  # slugify's answer for text without letters or digits
                base = self.fallback
            self.by_name[name] = _unique(base, self._taken)
        return self.by_name[name]


def render_wxr(articles: Sequence[PublishArticle], options: PublishOptions | None = None) -> str:
    """One WXR 1.2 file holding ``articles`` as posts (see the module contract)."""
    options = options or PublishOptions()
    logins: dict[tuple[str, str], str] = {}
    display: dict[str, str] = {}
    taken_logins: set[str] = set()
    categories = _Terms("category")
    tags = _Terms("tag")
    for article in articles:
        for byline in article.data.bylines:
            key = (byline.name, byline.name_latin)
            if key not in logins:
                logins[key] = _unique(author_login(byline), taken_logins)
                display[logins[key]] = byline.name or byline.name_latin
        if article.data.category:
            categories.add(article.data.category)
        for tag in article.data.tags:
            tags.add(tag)
    fallback_login = _unique("sampadak", taken_logins) if any(
        not a.data.bylines for a in articles) else ""
    if fallback_login:
        display[fallback_login] = options.publisher or "Sampadak"
    newest = max((a.updated_at for a in articles), default=datetime(2000, 1, 1, tzinfo=UTC))
    site = options.site_url.rstrip("/")
    out = [
        '<?xml version="1.0" encoding="UTF-8" ?>',
        '<rss version="2.0"',
        '\txmlns:excerpt="http://wordpress.org/export/1.2/excerpt/"',
        '\txmlns:content="http://purl.org/rss/1.0/modules/content/"',
        '\txmlns:wfw="http://wellformedweb.org/CommentAPI/"',
        '\txmlns:dc="http://purl.org/dc/elements/1.1/"',
        '\txmlns:wp="http://wordpress.org/export/1.2/"',
        ">",
        "<channel>",
        f"\t<title>{_text(options.publisher)}</title>",
        f"\t<link>{_text(site)}</link>",
        "\t<description>Sampadak export</description>",
        f"\t<pubDate>{format_datetime(newest.astimezone(UTC), usegmt=True)}</pubDate>",
        "\t<language>hi</language>",
        f"\t<wp:wxr_version>{WXR_VERSION}</wp:wxr_version>",
        f"\t<wp:base_site_url>{_text(site)}</wp:base_site_url>",
        f"\t<wp:base_blog_url>{_text(site)}</wp:base_blog_url>",
    ]
    for number, (login, name) in enumerate(display.items(), start=1):
        out.append(
            f"\t<wp:author><wp:author_id>{number}</wp:author_id>"
            f"<wp:author_login>{cdata(login)}</wp:author_login>"
            f"<wp:author_email>{cdata('')}</wp:author_email>"
            f"<wp:author_display_name>{cdata(html.escape(name, quote=False))}"
            "</wp:author_display_name>"
            f"<wp:author_first_name>{cdata('')}</wp:author_first_name>"
            f"<wp:author_last_name>{cdata('')}</wp:author_last_name></wp:author>")
    term_id = 0
    for name, nicename in categories.by_name.items():
        term_id += 1
        out.append(
            f"\t<wp:category><wp:term_id>{term_id}</wp:term_id>"
            f"<wp:category_nicename>{cdata(nicename)}</wp:category_nicename>"
            f"<wp:category_parent>{cdata('')}</wp:category_parent>"
            f"<wp:cat_name>{cdata(html.escape(name, quote=False))}</wp:cat_name></wp:category>")
    for name, slug in tags.by_name.items():
        term_id += 1
        out.append(
            f"\t<wp:tag><wp:term_id>{term_id}</wp:term_id>"
            f"<wp:tag_slug>{cdata(slug)}</wp:tag_slug>"
            f"<wp:tag_name>{cdata(html.escape(name, quote=False))}</wp:tag_name></wp:tag>")
    for index, article in enumerate(articles, start=1):
        out.extend(_item(article, index, options, logins, fallback_login, categories, tags))
    out += ["</channel>", "</rss>", ""]
    return "\n".join(out)


def _item(article: PublishArticle, index: int, options: PublishOptions,
          logins: dict[tuple[str, str], str], fallback_login: str,
          categories: _Terms, tags: _Terms) -> list[str]:
    data = article.data
    creator = (logins[(data.bylines[0].name, data.bylines[0].name_latin)]
               if data.bylines else fallback_login)
    link = canonical_url(article, options) if options.site_url else ""
    post_id = article.id if article.id is not None else index
    status = WP_STATUS.get(article.status, "draft")
    posted = article.created_at
    if article.embargo_until is not None and status == "publish":
        # WordPress schedules a "future" post for its post date: the embargo's end
        status, posted = "future", article.embargo_until
    lines = [
        "\t<item>",
        f"\t\t<title>{cdata(html.escape(data.headline, quote=False))}</title>",
        f"\t\t<link>{_text(link)}</link>",
        f"\t\t<pubDate>{format_datetime(article.created_at.astimezone(UTC), usegmt=True)}"
        "</pubDate>",
        f"\t\t<dc:creator>{cdata(creator)}</dc:creator>",
        f'\t\t<guid isPermaLink="false">urn:uuid:{_text(article.uuid)}</guid>',
        "\t\t<description></description>",
        f"\t\t<content:encoded>{cdata(_content(article))}</content:encoded>",
        f"\t\t<excerpt:encoded>{cdata(html.escape(data.dek, quote=False))}</excerpt:encoded>",
        f"\t\t<wp:post_id>{int(post_id)}</wp:post_id>",
        f"\t\t<wp:post_date>{cdata(_wp_date(posted, IST))}</wp:post_date>",
        f"\t\t<wp:post_date_gmt>{cdata(_wp_date(posted, UTC))}</wp:post_date_gmt>",
        f"\t\t<wp:post_modified>{cdata(_wp_date(article.updated_at, IST))}</wp:post_modified>",
        f"\t\t<wp:post_modified_gmt>{cdata(_wp_date(article.updated_at, UTC))}"
        "</wp:post_modified_gmt>",
        f"\t\t<wp:comment_status>{cdata('closed')}</wp:comment_status>",
        f"\t\t<wp:ping_status>{cdata('closed')}</wp:ping_status>",
        f"\t\t<wp:post_name>{cdata(slugify(data.slug) if data.slug else '')}</wp:post_name>",
        f"\t\t<wp:status>{cdata(status)}</wp:status>",
        "\t\t<wp:post_parent>0</wp:post_parent>",
        "\t\t<wp:menu_order>0</wp:menu_order>",
        f"\t\t<wp:post_type>{cdata('post')}</wp:post_type>",
        f"\t\t<wp:post_password>{cdata('')}</wp:post_password>",
        "\t\t<wp:is_sticky>0</wp:is_sticky>",
    ]
    if data.category:
        lines.append(f'\t\t<category domain="category" '
                     f'nicename="{categories.by_name[data.category]}">'
                     f"{cdata(html.escape(data.category, quote=False))}</category>")
    for tag in data.tags:
        lines.append(f'\t\t<category domain="post_tag" nicename="{tags.by_name[tag]}">'
                     f"{cdata(html.escape(tag, quote=False))}</category>")
    meta = [("sampadak_uuid", article.uuid), ("sampadak_version", str(article.version)),
            ("sampadak_bylines", "; ".join(b.display() for b in data.bylines))]
    if data.dateline_place or data.dateline_date:
        meta.append(("sampadak_dateline", ", ".join(
            p for p in (data.dateline_place,
                        data.dateline_date.isoformat() if data.dateline_date else "") if p)))
    for key, value in meta:
        lines.append(f"\t\t<wp:postmeta><wp:meta_key>{cdata(key)}</wp:meta_key>"
                     f"<wp:meta_value>{cdata(html.escape(value, quote=False))}</wp:meta_value>"
                     "</wp:postmeta>")
    lines.append("\t</item>")
    return lines
