"""Helpers for live-refresh tests: a listener that collects what it hears, and waiting
for it without sleeping (each wait blocks on a queue, with a generous limit)."""

from __future__ import annotations

import queue
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from editor_app.core.live.events import ArticleEvent, ListenerState, Presence
from editor_app.core.live.listener import LiveListener

#: Upper bound of one wait: a failure shows up as a timeout, a pass is as fast as the
#: notification (these are not speed assertions).
LIMIT_SECONDS = 10.0


class Heard:
    """What one listener delivered, in order, with blocking look-ups."""

    def __init__(self) -> None:
        self.items: queue.SimpleQueue[object] = queue.SimpleQueue()
        self.seen: list[object] = []

    def put(self, item: object) -> None:
        self.items.put(item)

    def wait_for(self, match: Callable[[Any], bool], limit: float = LIMIT_SECONDS) -> Any:
        """The first item arriving from now on (after those earlier waits took) for which
        ``match`` is true; the ones skipped stay in :attr:`seen`."""
        while True:
            try:
                item = self.items.get(timeout=limit)
            except queue.Empty:
                raise AssertionError(f"not heard within {limit} s; heard {self.seen}") \
                    from None
            self.seen.append(item)
            if match(item):
                return item

    def events(self, article_id: int) -> list[ArticleEvent]:
        return [e for e in self.seen if isinstance(e, ArticleEvent)
                and e.article_id == article_id]


def event_of(article_id: int, kind: str, version: int | None = None
             ) -> Callable[[object], bool]:
    def match(item: object) -> bool:
        return (isinstance(item, ArticleEvent) and item.article_id == article_id
                and item.kind == kind and (version is None or item.version == version))
    return match


def presence_where(test: Callable[[Presence], bool]) -> Callable[[object], bool]:
    return lambda item: isinstance(item, Presence) and test(item)


def state_is(state: ListenerState) -> Callable[[object], bool]:
    return lambda item: item == state


@contextmanager
def listening(url: str, user_id: int | None, **options: Any
              ) -> Iterator[tuple[LiveListener, Heard]]:
    """A started listener whose events, presence and states all go to one :class:`Heard`;
    connected when the block starts."""
    heard = Heard()
    listener = LiveListener(url, user_id=user_id, on_event=heard.put, on_presence=heard.put,
                            on_state=heard.put, **options)
    listener.start()
    try:
        heard.wait_for(state_is(ListenerState.CONNECTED))
        yield listener, heard
    finally:
        listener.stop()
