"""History commands: ``sampadak history ID``, ``sampadak diff ID REV1 REV2`` and
``sampadak restore-revision ID REV``.

Revisions are named by their number in the article's history (``sampadak history`` lists
them). Text output of ``diff`` marks changes like ``git diff --word-diff``: ``[-removed-]``
and ``{+added+}``, one section per changed field; for multi-line fields only the changed
lines are printed, each run under an ``@@ -OLD +NEW @@`` line-number header. ``--json``
gives every changed field with its hunks (code-point offsets) and their inner akshara runs.
"""

from __future__ import annotations

import argparse
import logging
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # the parser is built for every command: core loads only when one runs
    from editor_app.commands.context import CliContext
    from editor_app.core.review.diff import Hunk
    from editor_app.core.review.history import (
        FieldChange,
        RevisionDiff,
        RevisionRef,
        TimelineEntry,
    )

__all__ = ["add_history_parsers", "cmd_diff", "cmd_history", "cmd_restore_revision",
           "word_diff_lines"]

log = logging.getLogger(__name__)


def _revision_number(text: str) -> int:
    if not text.isascii() or not text.isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError(f"not a revision number: {text!r}")
    return int(text)


def add_history_parsers(subparsers: Any, common: argparse.ArgumentParser) -> None:
    """Register ``history``, ``diff`` and ``restore-revision``."""
    p = subparsers.add_parser("history", parents=[common],
                              help="an article's revisions and workflow actions, oldest first")
    p.add_argument("id", help="numeric id or UUID")
    p.add_argument("--json", action="store_true", help="print JSON")
    p = subparsers.add_parser("diff", parents=[common],
                              help="what changed between two revisions of an article")
    p.add_argument("id", help="numeric id or UUID")
    p.add_argument("rev1", type=_revision_number, help="revision number (see history)")
    p.add_argument("rev2", type=_revision_number, help="revision number (see history)")
    p.add_argument("--json", action="store_true", help="print JSON")
    p = subparsers.add_parser("restore-revision", parents=[common],
                              help="save an earlier revision again as the newest one")
    p.add_argument("id", help="numeric id or UUID")
    p.add_argument("rev", type=_revision_number, help="revision number (see history)")


def cmd_history(ctx: CliContext, args: argparse.Namespace) -> int:
    """Print the article's timeline."""
    from editor_app.core.review.history import timeline

    entries = timeline(ctx.db, ctx.find_id(args.id))
    if args.json:
        ctx.print_json([_entry_json(e) for e in entries])
        return 0
    for entry in entries:
        when = entry.at.astimezone().strftime("%Y-%m-%d %H:%M:%S")
        what = f"#{entry.revision}" if entry.revision is not None else _event_label(entry)
        note = f"  {entry.note}" if entry.note else ""
        ctx.out.write(f"{what:<22} {when}  {entry.who or '-'}  [{entry.status}]{note}\n")
    return 0


def cmd_diff(ctx: CliContext, args: argparse.Namespace) -> int:
    """Print the changes from revision ``rev1`` to ``rev2``."""
    from editor_app.core.review.history import diff_revisions

    diff = diff_revisions(ctx.service(), ctx.find_id(args.id), args.rev1, args.rev2)
    if args.json:
        ctx.print_json(_diff_json(diff))
        return 0
    ctx.out.write(f"revision {_ref_text(diff.old)}\n")
    ctx.out.write(f"revision {_ref_text(diff.new)}\n")
    if not diff.changes:
        ctx.out.write("no changes\n")
    for change in diff.changes:
        ctx.out.write(f"\n== {change.label} ==\n")
        for line in word_diff_lines(change.old, change.hunks,
                                    headers=change.field in ("body", "bylines", "dek")):
            ctx.out.write(line + "\n")
    return 0


def cmd_restore_revision(ctx: CliContext, args: argparse.Namespace) -> int:
    """Save revision ``rev`` again as the newest; print the new version."""
    from editor_app.core.review.history import restore_revision

    service = ctx.service()
    article_id = ctx.find_id(args.id)
    current = service.get(article_id)
    record = restore_revision(service, article_id, args.rev, current.version)
    if record.version == current.version:
        ctx.out.write(f"revision {args.rev} is what the article holds now: nothing saved\n")
    else:
        ctx.out.write(f"restored revision {args.rev} as version {record.version}\n")
    return 0


def word_diff_lines(old: str, hunks: Sequence[Hunk], *, headers: bool) -> list[str]:
    """``old`` with ``hunks`` shown as ``[-removed-]{+added+}``, split into lines.

    With ``headers`` only changed lines are kept, each run of them under an
    ``@@ -OLD +NEW @@`` header (1-based line numbers in the old and new text); a mark that
    spans a line break is closed before it (the break shown as ``↵``) and reopened on the
    next line, as ``git diff --word-diff`` does. Without ``headers`` every line is kept
    (short fields)."""
    # (text, mark) pieces of the merged view: mark "" unchanged, "-" removed, "+" added.
    pieces: list[tuple[str, str]] = []
    pos = 0
    for hunk in hunks:
        pieces.append((old[pos:hunk.old_start], ""))
        pieces.append((hunk.old_text, "-"))
        pieces.append((hunk.new_text, "+"))
        pos = hunk.old_end
    pieces.append((old[pos:], ""))
    lines: list[tuple[int, int, str, bool]] = []  # old line no, new line no, text, changed
    old_no = new_no = 1
    current: list[str] = []
    changed = False
    for text, mark in pieces:
        parts = text.split("\n")
        for i, part in enumerate(parts):
            if i:  # a line break inside this piece ends the line
                lines.append((old_no, new_no, "".join(current), changed))
                current, changed = [], False
                old_no += mark != "+"
                new_no += mark != "-"
            if mark and i < len(parts) - 1:
                part += "↵"  # a removed or added line break stays visible
            if part:
                current.append({"": part, "-": f"[-{part}-]", "+": f"{{+{part}+}}"}[mark])
                changed = changed or bool(mark)
    lines.append((old_no, new_no, "".join(current), changed))
    if not headers:
        return [text for _o, _n, text, _c in lines]
    out: list[str] = []
    previous_changed = False
    for old_line, new_line, text, is_changed in lines:
        if is_changed and not previous_changed:
            out.append(f"@@ -{old_line} +{new_line} @@")
        if is_changed:
            out.append(text)
        previous_changed = is_changed
    return out


# --- JSON ----------------------------------------------------------------------------------

def _event_label(entry: TimelineEntry) -> str:
    if entry.kind == "transition":
        arrow = f"{entry.detail.get('from', '?')} -> {entry.detail.get('to', '?')}"
        return arrow + (" (override)" if entry.detail.get("override") else "")
    return entry.kind


def _ref_text(ref: RevisionRef) -> str:
    when = ref.created_at.astimezone().strftime("%Y-%m-%d %H:%M:%S")
    note = f"  {ref.note}" if ref.note else ""
    return f"#{ref.number}  {when}  {ref.author or '-'}{note}"


def _entry_json(entry: TimelineEntry) -> dict[str, Any]:
    return {"kind": entry.kind, "at": entry.at.isoformat(), "who": entry.who,
            "status": entry.status, "note": entry.note, "revision": entry.revision,
            "revision_id": entry.revision_id, "detail": dict(entry.detail)}


def _ref_json(ref: RevisionRef) -> dict[str, Any]:
    return {"number": ref.number, "id": ref.id, "author": ref.author,
            "created": ref.created_at.isoformat(), "note": ref.note}


def _hunk_json(hunk: Hunk) -> dict[str, Any]:
    return {"kind": hunk.kind, "old_start": hunk.old_start, "old_end": hunk.old_end,
            "new_start": hunk.new_start, "new_end": hunk.new_end,
            "old_text": hunk.old_text, "new_text": hunk.new_text,
            "inner": [_hunk_json(run) for run in hunk.inner]}


def _change_json(change: FieldChange) -> dict[str, Any]:
    return {"field": change.field, "label": change.label, "old": change.old,
            "new": change.new, "hunks": [_hunk_json(h) for h in change.hunks]}


def _diff_json(diff: RevisionDiff) -> dict[str, Any]:
    return {"article": diff.article_id, "from": _ref_json(diff.old), "to": _ref_json(diff.new),
            "fields": [_change_json(c) for c in diff.changes]}
