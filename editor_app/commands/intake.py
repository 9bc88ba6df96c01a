"""``sampadak import FILE... [--as-format F] [--json] [--dry-run] [--on-conflict C]``.

Contract: each file is read and recognised completely before anything of it is stored, so
a bad file stores nothing; it is reported on stderr (``sampadak: error: FILE: …``) and the
other files go on. The exit code is 0 when every file was imported, 2 when any file failed,
1 when a bundle conflict was only reported (``--on-conflict report``, the default: nothing
of that article is written). For every article it prints id, uuid, headline, bylines
(name, designation, outlet), dateline, tags, category, body Markdown, related links and
what was dropped (``--json``: one JSON document with a list of files).
"""

from __future__ import annotations

import argparse
import json
import logging
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TextIO

from editor_app.commands.context import CliContext
from editor_app.core.errors import SampadakError, ValidationError
from editor_app.core.intake.result import ImportResult

__all__ = ["cmd_import", "parse_choices"]

log = logging.getLogger(__name__)


@dataclass
class _FileReport:
    file: str
    format: str = ""
    outcome: str = ""
    error: str = ""
    articles: list[dict[str, Any]] = field(default_factory=list)


def _article_json(result: ImportResult, record: Any, outcome: str) -> dict[str, Any]:
    item = result.to_json()
    item["outcome"] = outcome
    item["id"] = record.id if record is not None else None
    item["uuid"] = record.uuid if record is not None else (result.uuid or None)
    if record is not None:
        stored = record.data
        item["body"] = stored.body
        item["tags"] = list(stored.tags)
        item["slug"] = stored.slug
    return item


def parse_choices(items: list[str]) -> dict[str, Any]:
    """``["headline=theirs", ...]`` → ``{"headline": "theirs"}``; bad items raise
    :class:`ValidationError`."""
    out: dict[str, Any] = {}
    for item in items:
        field_name, _, choice = item.partition("=")
        if choice not in ("mine", "theirs", "both") or not field_name:
            raise ValidationError(f"--choose {item!r}: write FIELD=mine|theirs|both")
        out[field_name.strip()] = choice
    return out


def _import_one(ctx: CliContext, path: Path, args: argparse.Namespace,
                report: _FileReport) -> bool:
    """Import one file into ``report``; False when a conflict was left for the user."""
    from editor_app.core.intake.bundle import import_bundle, read_bundle_file, resolve_conflict
    from editor_app.core.intake.formats import read_import_file
    from editor_app.core.intake.store import store_results

    service = ctx.service()
    fmt = args.as_format
    if fmt == "bundle" or (fmt is None and path.suffix.lower() in (".zip", ".sampadak")):
        report.format = "bundle"
        outcome = import_bundle(service, read_bundle_file(path), source=path.name,
                                dry_run=args.dry_run)
        item = _article_json(outcome.result, outcome.record, outcome.kind)
        report.outcome = outcome.kind
        if outcome.kind == "conflict":
            item["conflicts"] = [{"field": d.name, "mine": d.mine, "theirs": d.theirs,
                                  "base": d.base, "changed_by": d.changed_by}
                                 for d in outcome.diffs]
            named = parse_choices(args.choose)
            fields = [d.name for d in outcome.diffs]
            complete = args.on_conflict != "report" or all(f in named for f in fields)
            if complete and outcome.record and outcome.theirs:
                choices = {f: named.get(f, args.on_conflict) for f in fields}
                merged, copy = resolve_conflict(service, outcome, choices,
                                                source=path.name)
                label = ", ".join(f"{f}={c}" for f, c in choices.items())
                item = _article_json(outcome.result, merged, f"merged ({label})")
                item["copy_id"] = copy.id if copy else None
                report.outcome = f"merged ({label})"
        report.articles.append(item)
        return report.outcome != "conflict"
    report.format, results = read_import_file(path, fmt)
    records = [None] * len(results) if args.dry_run else store_results(service, results)
    for result, record in zip(results, records, strict=True):
        report.articles.append(_article_json(result, record,
                                             "dry-run" if args.dry_run else "stored"))
    report.outcome = "dry-run" if args.dry_run else "stored"
    return True


def _write_text(out: TextIO, report: _FileReport) -> None:
    out.write(f"== {report.file} ({report.format}): {report.outcome}\n")
    for a in report.articles:
        lines = [f"id: {a['id'] if a['id'] is not None else '-'}",
                 f"uuid: {a['uuid'] or '-'}", f"headline: {a['headline']}"]
        for b in a["bylines"]:
            lines.append("byline: " + ", ".join(
                f"{k}={b[k]}" for k in ("name", "designation", "outlet") if b[k]))
        d = a["dateline"]
        if d["place"] or d["date"] or d["agency"]:
            lines.append(f"dateline: {d['place']} {d['date'] or ''} {d['agency']}".rstrip())
        lines.append(f"tags: {', '.join(a['tags'])}")
        if a.get("suggested_tags"):
            lines.append(f"suggested tags (not stored): {', '.join(a['suggested_tags'])}")
        lines.append(f"category: {a['category']}")
        for r in a["related"]:
            lines.append(f"related: {r['title']}" + (f" <{r['url']}>" if r["url"] else ""))
        for text in a["dropped"]:
            lines.append(f"dropped: {text}")
        for text in a["warnings"]:
            lines.append(f"warning: {text}")
        for c in a.get("conflicts", ()):
            lines.append(f"conflict: {c['field']} (changed by {c['changed_by']})")
        lines += ["body:", a["body"].rstrip("\n"), ""]
        out.write("\n".join(lines) + "\n")


def cmd_import(ctx: CliContext, args: argparse.Namespace) -> int:
    """Import files (see module contract)."""
    reports: list[_FileReport] = []
    failed = unresolved = False
    for name in args.files:
        report = _FileReport(name)
        try:
            if not _import_one(ctx, Path(name), args, report):
                unresolved = True
        except SampadakError as exc:
            failed = True
            report.outcome, report.error, report.articles = "failed", str(exc), []
            ctx.err.write(f"sampadak: error: {name}: {exc}\n")
            log.info("import of %s failed: %s", name, exc)
        reports.append(report)
    if args.json:
        json.dump({"files": [{"file": r.file, "format": r.format, "outcome": r.outcome,
                              "error": r.error, "articles": r.articles} for r in reports]},
                  ctx.out, ensure_ascii=False, indent=2, default=str)
        ctx.out.write("\n")
    else:
        for report in reports:
            if report.outcome != "failed":
                _write_text(ctx.out, report)
    return 2 if failed else 1 if unresolved else 0
