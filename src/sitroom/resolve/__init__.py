"""Resolution stages: mentions found in an article, resolved to actors, places, dates and numbers."""
