"""``sampadak export``: articles to HTML, fragment, bundle, ninjs, WXR or PDF, headless.

``sampadak export ID... | --status STATUS --format FORMAT --out PATH [--json]``

Contract: every article is tried (one failure stops nothing); each failure is one line
``sampadak: error: article N: reason`` on stderr and the exit code is 1 when any article
failed, 0 when all were written (2 for a usage error such as an unknown format, via the
CLI's error handling). Files are written atomically (:mod:`editor_app.core.publish.export`):
nothing half-written is left behind. With several articles ``--out`` is a folder (created
when missing) and gets one file per article, except ``wxr``: one file for all. ``--json``
prints ``[{"id", "path", "error"}]``. Site URL and outlet come from ``--site-url`` and
``--publisher``, else from the settings ``publish_site_url`` and ``publish_publisher``.
"""

from __future__ import annotations

import argparse
import logging
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol, TextIO

from editor_app.core.errors import ValidationError
from editor_app.core.publish import FORMATS

if TYPE_CHECKING:  # the renderers (Jinja2, nh3, WeasyPrint) load only when export runs
    from editor_app.core.articles import ArticleService
    from editor_app.core.profiles import Actor
    from editor_app.core.publish.export import ExportResult
    from editor_app.core.publish.source import PublishOptions

__all__ = ["add_export_parser", "cmd_export", "publish_options"]

log = logging.getLogger(__name__)


class _Context(Protocol):
    out: TextIO
    err: TextIO

    @property
    def config(self) -> Any: ...

    def service(self) -> ArticleService: ...

    @property
    def actor(self) -> Actor: ...

    def print_json(self, value: Any) -> None: ...

    def find_id(self, ident: str) -> int: ...


def add_export_parser(subparsers: Any, common: argparse.ArgumentParser) -> None:
    """Register ``export`` on the CLI's sub-parsers."""
    p = subparsers.add_parser(
        "export", parents=[common],
        help="export articles (html, fragment, bundle, ninjs, wxr, pdf)")
    p.add_argument("ids", nargs="*", metavar="ID", help="numeric ids or UUIDs")
    p.add_argument("--status", help="every (not trashed) article with this status")
    p.add_argument("--format", required=True, choices=FORMATS, help="output format")
    p.add_argument("--out", required=True, help="file (one article, or wxr) or folder")
    p.add_argument("--json", action="store_true", help="print the results as JSON")
    p.add_argument("--with-header", action="store_true",
                   help="fragment: headline, dek, byline and dateline before the body")
    p.add_argument("--site-url", help="base of canonical links (setting publish_site_url)")
    p.add_argument("--publisher", help="outlet name (setting publish_publisher)")
    p.add_argument("--override-embargo", metavar="REASON",  # wip-queues
                   help="desk chief: export stories under embargo anyway (audited)")


def publish_options(config: Any, *, site_url: str | None = None,
                    publisher: str | None = None, with_header: bool = False) -> PublishOptions:
    """Export options from arguments, falling back to the settings."""
    from editor_app.core.publish.source import PublishOptions

    return PublishOptions(
        site_url=site_url if site_url is not None else config.get_str("publish_site_url"),
        publisher=(publisher if publisher is not None
                   else config.get_str("publish_publisher")) or "Sampadak",
        fragment_with_header=with_header)


def cmd_export(ctx: _Context, args: argparse.Namespace) -> int:
    """Export the named articles, or all of a status (see the module contract)."""
    from editor_app.core.publish.export import export_articles, ids_with_status

    if bool(args.ids) == bool(args.status):
        raise ValidationError("give article ids or --status, not both and not neither")
    service = ctx.service()
    if args.status:
        ids = ids_with_status(service, args.status)
        if not ids:
            ctx.err.write(f"sampadak: no article has status {args.status!r}\n")
    else:
        ids = [ctx.find_id(ident) for ident in args.ids]
    out = Path(args.out)
    if args.out.endswith(("/", "\\")):  # a folder asked for even for one article
        out.mkdir(parents=True, exist_ok=True)
    options = publish_options(ctx.config, site_url=args.site_url, publisher=args.publisher,
                              with_header=args.with_header)
    override = None
    if getattr(args, "override_embargo", None):
        from editor_app.core.workflow.publishing import Override

        override = Override(ctx.actor, args.override_embargo)
    results = export_articles(service, ids, args.format, out, options,
                              embargo_override=override) if ids else []
    _report(ctx, results, as_json=args.json)
    return 1 if any(not r.ok for r in results) else 0


def _report(ctx: _Context, results: list[ExportResult], *, as_json: bool) -> None:
    for result in results:
        if not result.ok:
            ctx.err.write(f"sampadak: error: article {result.article_id}: {result.error}\n")
    if as_json:
        ctx.print_json([{"id": r.article_id, "path": str(r.path) if r.path else None,
                         "error": r.error} for r in results])
        return
    for result in results:
        if result.ok:
            ctx.out.write(f"{result.article_id:>5}  {result.path}\n")
