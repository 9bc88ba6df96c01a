"""Article commands: ``sampadak list|show|new|search``."""

from __future__ import annotations

import argparse
import logging
from pathlib import Path
from typing import Any

from editor_app.commands.context import CliContext
from editor_app.core.article_data import ArticleData, ArticleRecord, ArticleSummary
from editor_app.core.fileio import read_text_file

__all__ = ["cmd_list", "cmd_new", "cmd_search", "cmd_show"]

log = logging.getLogger(__name__)


def _summary_json(row: ArticleSummary) -> dict[str, Any]:
    return {"id": row.id, "uuid": row.uuid, "headline": row.headline, "status": row.status,
            "byline": row.byline, "tags": list(row.tags), "trashed": row.trashed,
            "updated": row.updated_at.isoformat(), "assignee": row.assignee or None,
            "deadline": row.deadline.isoformat() if row.deadline else None,
            "embargo_until": row.embargo_until.isoformat() if row.embargo_until else None}


def _record_json(record: ArticleRecord) -> dict[str, Any]:
    data = record.data
    return {
        "id": record.id, "uuid": record.uuid, "version": record.version,
        "status": record.status, "trashed": record.trashed,
        "created": record.created_at.isoformat(), "updated": record.updated_at.isoformat(),
        "headline": data.headline, "dek": data.dek, "body": data.body, "slug": data.slug,
        "language": data.language, "category": data.category,
        "dateline": {"place": data.dateline_place,
                     "date": data.dateline_date.isoformat() if data.dateline_date else None},
        "tags": list(data.tags),
        "bylines": [{"name": b.name, "name_latin": b.name_latin,
                     "designation": b.designation, "outlet": b.outlet} for b in data.bylines],
    }


def cmd_list(ctx: CliContext, args: argparse.Namespace) -> int:
    """List articles (not trashed unless --trashed or --all)."""
    from editor_app.core.article_queries import ListQuery

    trashed: bool | None = None if args.all else bool(args.trashed)
    queue = getattr(args, "queue", None)
    viewer = None
    if queue in ("mine", "waiting"):
        viewer = ctx.actor
    rows = ctx.service().list_page(
        ListQuery(status=args.status, tag=args.tag, trashed=trashed, queue=queue,
                  viewer=viewer), offset=args.offset, limit=args.limit or None)
    if args.json:
        ctx.print_json([_summary_json(r) for r in rows])
        return 0
    for row in rows:
        when = row.updated_at.astimezone().strftime("%Y-%m-%d %H:%M")
        mark = " [trash]" if row.trashed else ""
        desk = ""
        if row.assignee or row.deadline:
            from editor_app.core.workflow.times import ist_text

            desk = f"  → {row.assignee or '-'} {ist_text(row.deadline)}".rstrip()
        ctx.out.write(f"{row.id:>5}  {row.status:<10} {when}  {row.headline}{mark}{desk}\n")
    return 0


def cmd_show(ctx: CliContext, args: argparse.Namespace) -> int:
    """Show one article by numeric id or UUID."""
    record = ctx.service().get(ctx.find_id(args.id))
    if args.json:
        ctx.print_json(_record_json(record))
        return 0
    data = record.data
    lines = [data.headline, data.dek, ""]
    for byline in data.bylines:
        lines.append(byline.display())
    if data.dateline_place or data.dateline_date:
        when = data.dateline_date.isoformat() if data.dateline_date else ""
        lines.append(" ".join(p for p in (data.dateline_place, when) if p))
    lines += [f"status: {record.status}   version: {record.version}   slug: {data.slug}",
              f"tags: {', '.join(data.tags)}", "", data.body]
    ctx.out.write("\n".join(lines).rstrip("\n") + "\n")
    return 0


def cmd_new(ctx: CliContext, args: argparse.Namespace) -> int:
    """Create an article; print its id."""
    body = read_text_file(Path(args.body_file)) if args.body_file else ""
    record = ctx.service().create(ArticleData(headline=args.headline, body=body))
    ctx.out.write(f"{record.id}\n")
    return 0


def cmd_search(ctx: CliContext, args: argparse.Namespace) -> int:
    """Full-text search (nukta/nasal-insensitive; "quoted phrases"); best match first."""
    from editor_app.core.search import search_for_cli

    rows = search_for_cli(ctx.db, args.query, limit=args.limit, include_trashed=args.trashed)
    if args.json:
        ctx.print_json(rows)
        return 0
    for row in rows:
        ctx.out.write(f"{row['id']:>5}  {row['headline']}\n       {row['snippet']}\n")
    return 0
