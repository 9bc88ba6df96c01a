"""Review views: the history panel and its diff view (more review panels join here)."""
