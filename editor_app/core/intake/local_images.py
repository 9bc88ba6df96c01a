"""Images a saved web page or a Markdown file refers to on disk, brought in with the story.

"Save page as… complete" writes ``story.html`` and its images in ``story_files/``; a
reporter's Markdown names ``photos/pul.jpg``. For a file import, :func:`attach_local_images`
reads every image the body refers to by a *relative* path inside the file's folder, checks it
(a regular file within the folder after resolving links, at most :data:`MAX_IMAGE_BYTES`, a
JPEG/PNG/GIF/WebP by its bytes) and returns it as an :class:`ImportedImage` whose ``ref`` is
the body's reference, so storing swaps it for ``asset:<id>``. Nothing else is read: not
``..`` or absolute paths, not links that lead out of the folder, not web addresses (those
are never downloaded and stay as they are, with a warning). Every image left out says why.
"""

from __future__ import annotations

import logging
from pathlib import Path
from urllib.parse import unquote, urlsplit

import regex

from editor_app.core.assets import sniff_image_type
from editor_app.core.intake.result import ImportedImage

__all__ = ["MAX_IMAGE_BYTES", "attach_local_images"]

log = logging.getLogger(__name__)

#: Largest image file read with a story (a press photo is a few MB).
MAX_IMAGE_BYTES = 20 * 1024 * 1024
_IMAGE = regex.compile(r'!\[([^\]\n]*)\]\(<?([^)\s>]+)>?(?:\s+"((?:[^"\\]|\\.)*)")?\)')


def attach_local_images(body: str, folder: Path | None
                        ) -> tuple[tuple[ImportedImage, ...], tuple[str, ...]]:
    """``(images, warnings)`` for the images ``body`` refers to (see module contract);
    ``folder`` is the imported file's folder (``None`` for the clipboard: nothing read)."""
    images: list[ImportedImage] = []
    warnings: list[str] = []
    seen: set[str] = set()
    for match in _IMAGE.finditer(body):
        ref, title = match.group(2), match.group(3) or ""
        if ref in seen or ref.startswith("asset:"):
            continue
        seen.add(ref)
        parts = urlsplit(ref)
        if parts.scheme or parts.netloc:
            if parts.scheme in ("http", "https"):
                warnings.append(f"web image not downloaded (attach it as an image file): {ref}")
            continue
        if folder is None:
            continue
        image, problem = _read(folder, unquote(parts.path), ref, title)
        if image is not None:
            images.append(image)
        elif problem:
            warnings.append(problem)
    return tuple(images), tuple(warnings)


def _read(folder: Path, relative: str, ref: str, caption: str
          ) -> tuple[ImportedImage | None, str]:
    if not relative or relative.startswith(("/", "\\")) or ".." in Path(relative).parts:
        return None, f"image {ref} is outside the file's folder: left out"
    base = folder.resolve()
    try:
        path = (base / relative).resolve()
        path.relative_to(base)
    except (OSError, ValueError):
        return None, f"image {ref} is outside the file's folder: left out"
    if not path.is_file():
        return None, f"image {ref} was not found beside the file: left out"
    size = path.stat().st_size
    if size > MAX_IMAGE_BYTES:
        return None, (f"image {ref} is {size / 1_048_576:.1f} MB, over the "
                      f"{MAX_IMAGE_BYTES // 1_048_576} MB limit: left out")
    try:
        data = path.read_bytes()
    except OSError as exc:
        return None, f"image {ref} could not be read ({exc.strerror or exc}): left out"
    media_type = sniff_image_type(data)
    if media_type is None:
        return None, f"{ref} is not a JPEG, PNG, GIF or WebP image: left out"
    text = caption.replace('\\"', '"').replace("\\\\", "\\")
    words, _, credit = text.partition(" | ")  # the body's "caption | credit" title
    return ImportedImage(ref, path.name, media_type, data, caption=words.strip(),
                         credit=credit.strip()), ""
