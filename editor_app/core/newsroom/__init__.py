"""The shared newsroom on PostgreSQL (issue 8): authentication is the database's.

- :mod:`.roles`: the group role of each Sampadak role, and the LOGIN role of each user
  (created, regrouped, disabled with the user; passwords sent only as SCRAM verifiers).
- :mod:`.policies`: ``sampadak newsroom init``: group roles, grants, and triggers generated
  from :data:`~editor_app.core.workflow.statuses.TRANSITIONS` and
  :data:`~editor_app.core.workflow.statuses.EDIT_RIGHTS`, so the rules hold for anyone
  connecting with their own login, psql included.
- :mod:`.identity`: the Sampadak user a connection acts as (``current_user`` = login).
- :mod:`.credentials`: connecting with a login and password that never reach a URL string,
  a log or settings; the optional system keyring.

Nothing here imports PySide6.
"""
