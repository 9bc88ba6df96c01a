"""Live refresh on a shared PostgreSQL newsroom: change notifications and soft locks.

- :mod:`.events` — the notification payloads (pure data, parsed and checked);
- :mod:`.actor_tag` — tells the database trigger who is acting (ORM flush hook);
- :mod:`.presence` — "Kamal is editing": shared advisory locks held by a client's listener
  connection, so they vanish with the connection (a crashed client included);
- :mod:`.listener` — :class:`~.listener.LiveListener`, one psycopg connection of its own
  that LISTENs, keeps the soft locks and reconnects with backoff (run it in a thread).

On SQLite there is nothing to listen to: a file has one user, and the GUI does not start
a listener (:func:`~.listener.live_supported`).
"""
