"""Implementations of the headless ``sampadak`` commands, one module per area.

:mod:`editor_app.cli` defines the argument parser and imports a command's module only when
that command runs, so ``sampadak --version`` and ``sampadak list`` never pay for the spell
checker, the lint rules or Alembic.
"""
