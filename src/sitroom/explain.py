"""`sitroom why`: how a stored event came to be, from the store's own records.

`why` gathers the event, its members (one per article that reported it) with the decision
that placed each (the member it matched, its score, and the softer matches its story
allowed), the stories its articles belong to, the user's splits and the plan links;
`render` writes that as text. The
explanation is plain data, so the API and tests read the same thing the command prints.
"""
from __future__ import annotations

from typing import Any

from . import fusion
from .errors import UsageError
from .store import Store


def why(store: Store, event_id: str) -> dict[str, Any]:
    """Everything that made `event_id`: record, members and decisions, splits, links."""
    record = store.event(event_id)
    if record is None:
        raise UsageError(f"no event {event_id!r} in {store.path}; `sitroom events --format jsonl` lists the ids")
    members = store.members(event_id)
    splits = store.splits([m["id"] for m in members])
    stories = store.stories(sorted({m["article_id"] for m in members}))
    return {
        "event": record,
        "members": [
            {
                "id": m["id"],
                "article_id": m["article_id"],
                "outlet": m["outlet"],
                "published": m["published"],
                "title": m["title"],
                "event_code": m["record"].get("event_code"),
                "date": m["record"].get("date"),
                "place": (m["record"].get("location") or {}).get("name"),
                "killed": (m["record"].get("fatalities") or {}).get("killed"),
                "attribution": m["record"].get("attribution"),
                "sentences": [e.get("sentence") for e in m["record"].get("evidence") or ()],
                "decision": m["decision"],
            }
            for m in members
        ],
        "stories": stories,
        "splits": [{"member": member, "kept_apart_from": other, "decided_at": when} for member, other, when in splits],
        "fulfilled_by": record.get("fulfilled_by") or [],
        "fulfils": record.get("fulfils") or [],
    }


def render(explanation: dict[str, Any]) -> str:
    """The explanation as text for a terminal."""
    record = explanation["event"]
    place = (record.get("location") or {}).get("name") or "no place"
    toll = record.get("fatalities") or {}
    lines = [
        f"Event {record['id']}: {record.get('event_code')} {record.get('event_label', '')}, "
        f"{record.get('date') or 'undated'}, {place}",
        f"  {len(explanation['members'])} report(s) from {len(record.get('articles') or [])} article(s); "
        f"confidence {record.get('confidence')}",
    ]
    if toll.get("killed") is not None:
        lines.append(f"  killed: best {toll.get('killed')} (low {toll.get('low')}, high {toll.get('high')}; "
                     f"rule: {toll.get('reconciliation') or 'single report'})")
    for report in toll.get("reports") or ():
        lines.append(f"    {report.get('killed')} killed per {report.get('attribution') or 'unattributed'} "
                     f"({report.get('doc_id')}): {_clip(report.get('sentence'))}")
    for contradiction in record.get("contradictions") or ():
        values = "; ".join(f"{v.get('value')} ({v.get('doc_id')})" for v in contradiction.get("values") or ())
        lines.append(f"  reports disagree on {contradiction['field']}: {values} -> rule: {contradiction.get('rule')}")
    for story_id, articles in sorted(explanation.get("stories", {}).items()):
        lines.append(f"  story {story_id}: {len(articles)} article(s) tell it: {', '.join(articles)}")
    lines.append("Members:")
    for member in explanation["members"]:
        decision = member["decision"]
        lines.append(f"  {member['id']} from {member['article_id']} ({member['outlet'] or 'no outlet'}, "
                     f"{member['published'] or 'undated'}): {member['event_code']} {member['date'] or 'undated'} "
                     f"{member['place'] or ''}".rstrip())
        lines.append(f"    decision: {_decision(decision)}")
        for softer in decision.get("softer") or ():
            lines.append(f"      softer match inside the story: {softer}")
        for candidate in decision.get("candidates") or ():
            if candidate.get("event") == decision.get("event") and decision.get("rule") == "fused":
                continue
            lines.append(f"    also considered {candidate['event']}: score {candidate['score']}"
                         + (f", ruled out: {candidate['veto']}" if candidate.get("veto") else "")
                         + (f", differed on {', '.join(candidate['differed'])}" if candidate.get("differed") else ""))
        for sentence in member["sentences"]:
            lines.append(f"    \"{_clip(sentence)}\"")
    for split in explanation["splits"]:
        lines.append(f"Split by the user on {split['decided_at']}: {split['member']} kept apart from "
                     f"{split['kept_apart_from']}")
    for link in explanation["fulfilled_by"]:
        lines.append(f"Planned; fulfilled by event {link['event']} (score {link['score']})")
    for link in explanation["fulfils"]:
        lines.append(f"Fulfils the plan in event {link['event']} (score {link['score']})")
    return "\n".join(lines)


def _decision(decision: dict[str, Any]) -> str:
    rule = decision.get("rule")
    if rule == "fused":
        agreed = ", ".join(decision.get("agreed") or ()) or "nothing"
        differed = ", ".join(decision.get("differed") or ()) or "nothing"
        story = f" (same story, similarity {decision['story']})" if decision.get("story") is not None else ""
        matched = f" with {decision['with']} from {decision.get('with_article')}" if decision.get("with") else ""
        reached = f">= {decision.get('threshold')}"
        main_event = fusion.LEAD_SOFTER in (decision.get("softer") or ())
        if main_event and decision.get("score", 0) < (decision.get("threshold") or 0):
            reached = f"below {decision.get('threshold')}, but the story's main event in both articles"
        return (f"fused, score {decision.get('score')} {reached}{matched}{story}; "
                f"agreed on {agreed}; differed on {differed}")
    if rule == "founded":
        considered = len(decision.get("candidates") or ())
        return (f"founded the event (no candidate reached {decision.get('threshold')}; "
                f"{considered} considered)")
    return ", ".join(f"{k}: {v}" for k, v in decision.items() if k != "candidates")


def _clip(text: str | None, width: int = 160) -> str:
    text = " ".join((text or "").split())
    return text if len(text) <= width else text[: width - 1] + "…"
