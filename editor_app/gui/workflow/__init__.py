"""The review workflow in the window: the status strip and its moves, refusal and
override dialogs, and Switch user (``install_workflow`` wires them into the main window)."""
