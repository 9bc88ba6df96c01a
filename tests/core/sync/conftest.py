"""The sync tests' fixture (``field_dbs``) lives in :mod:`tests.core.sync.helpers`."""

from tests.core.sync.helpers import field_dbs

__all__ = ["field_dbs"]
