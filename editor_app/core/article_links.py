"""Tags and byline people of articles being written: get-or-create with per-session caches.

Contract of :class:`LinkResolver` (one per session, used by single saves and by batches):
- :meth:`tag` returns the stored tag of that name, or a new one whose slug no other tag has
  ("Ä" and "A" both slugify to "a", so the second becomes "a-2"); the same name asked twice in
  one session gives the same object.
- :meth:`person` returns the person a byline names (by Hindi name, or by Latin name when
  there is no Hindi one), creating them when unknown. A stored person's Latin name and
  designation are updated only when the byline gives a *different* non-empty value, so an
  unchanged person is never dirty: the search index's flush hook then re-indexes no other
  article of theirs (a save touches exactly one article's index row).
- Lookups go to the database once per distinct name per session, so a batch of 10,000
  articles costs a constant number of queries per article.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from editor_app.core.article_data import BylineData
from editor_app.core.models import Person, Tag
from editor_app.core.text.romanize import slugify

__all__ = ["LinkResolver"]


class LinkResolver:
    """Get-or-create tags and people within one session (see the module contract)."""

    def __init__(self, session: Session) -> None:
        self._session = session
        self._tags: dict[str, Tag] = {}
        self._new_slugs: set[str] = set()
        self._people: dict[tuple[bool, str], Person] = {}

    def tag(self, name: str) -> Tag:
        """The tag called ``name`` (stored, or new and added to the session)."""
        cached = self._tags.get(name)
        if cached is not None:
            return cached
        session = self._session
        with session.no_autoflush:
            stored = session.scalar(select(Tag).where(Tag.name == name))
            if stored is None:
                base = slugify(name, max_length=60)
                slug, n = base, 2
                while slug in self._new_slugs or session.scalar(
                        select(Tag.id).where(Tag.slug == slug)) is not None:
                    slug, n = f"{base}-{n}", n + 1
                stored = Tag(name=name, slug=slug)
                self._new_slugs.add(slug)
                session.add(stored)
        self._tags[name] = stored
        return stored

    def person(self, byline: BylineData) -> Person:
        """The person ``byline`` names, updated only where the byline says something new."""
        by_hindi = bool(byline.name)
        key = (by_hindi, byline.name if by_hindi else byline.name_latin)
        person = self._people.get(key)
        if person is None:
            session = self._session
            query = select(Person).where(
                Person.name_hi == byline.name if by_hindi else
                Person.name_latin == byline.name_latin).order_by(Person.id).limit(1)
            with session.no_autoflush:
                person = session.scalars(query).first()
            if person is None:
                person = Person(name_hi=byline.name, name_latin=byline.name_latin,
                                designation=byline.designation)
                session.add(person)
            self._people[key] = person
        if byline.name_latin and person.name_latin != byline.name_latin:
            person.name_latin = byline.name_latin
        if byline.designation and person.designation != byline.designation:
            person.designation = byline.designation
        return person
