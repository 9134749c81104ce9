"""`sitroom watch`: poll news sources, store what is new, alert on what matters.

    config.py    the sources file (TOML): sources, alert rules, settings
    urls.py      canonical URLs (one ledger entry per article, however it is linked)
    fetch.py     polite HTTP: per-host turns and delay, robots.txt, validators, caps
    listings.py  the items of a feed, a news sitemap or a listing page
    pages.py     fetched pages through intake, analysis and fusion into the store
    state.py     the watch's tables: sources' state, the URL ledger, marks
    changes.py   which events a write stored or changed (also for the live dashboard)
    alerts.py    when a rule fires, and the alerts kept in the store
    deliver.py   alert files and webhooks
    watcher.py   the loop that runs it all

docs/watch.md describes the sources file, the alert rules and the tables.
"""
from __future__ import annotations

# The loop itself (`watcher.watch`) is imported where it runs: it loads the analysis
# pipeline, which `sitroom sources` and the dashboard's server have no use for.
from .config import AlertRule, Settings, Source, WatchConfig, load_sources
from .state import SourceState, sources

__all__ = ["AlertRule", "Settings", "Source", "SourceState", "WatchConfig", "load_sources", "sources"]
