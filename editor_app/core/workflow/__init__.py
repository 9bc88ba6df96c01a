"""The review workflow: statuses, who may move a story where, and who may edit it."""
