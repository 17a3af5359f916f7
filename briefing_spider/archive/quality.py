"""Is a newly built record worse than the one stored? Then it must not replace it.

A page cut short, a block page, a file that failed to arrive or a page decoded in the wrong
encoding builds a record that has lost something the stored one holds. A real edit changes
things; it does not lose the body, an attachment, the ministry, or turn text into U+FFFD
replacement characters. Pure: two records in the shape of `Release.to_dict()` in, a reason out.
"""

from __future__ import annotations

from briefing_spider.records import STRUCTURE_PARTS

REPLACEMENT = "\ufffd"


def worse_than_stored(new: dict, stored: dict) -> str | None:
    """Why `new` is worse than `stored` (the first loss found), or None when it is not."""
    for check in (_lost_title, _lost_body, _lost_ministry, _lost_attachments, _lost_text_of_attachments, _garbled):
        reason = check(new, stored)
        if reason:
            return reason
    return None


def _lost_title(new: dict, stored: dict) -> str | None:
    if stored.get("title") and not new.get("title"):
        return "no title (the stored record has one)"
    return None


def _lost_body(new: dict, stored: dict) -> str | None:
    if (stored.get("body_text") or "").strip() and not (new.get("body_text") or "").strip():
        return f"no body text (the stored record has {len(stored['body_text'])} characters)"
    return None


def _lost_ministry(new: dict, stored: dict) -> str | None:
    if stored.get("ministry") and not new.get("ministry"):
        return f"no ministry (the stored record has {stored['ministry'].get('name')!r})"
    return None


def _lost_attachments(new: dict, stored: dict) -> str | None:
    before, after = len(stored.get("attachments") or ()), len(new.get("attachments") or ())
    if after < before:
        return f"{after} attachments (the stored record has {before})"
    return None


def _lost_text_of_attachments(new: dict, stored: dict) -> str | None:
    before, after = _readable(stored), _readable(new)
    if after < before:
        return f"{after} readable attachments (the stored record has {before})"
    return None


def _readable(record: dict) -> int:
    return sum(1 for attachment in record.get("attachments") or () if attachment.get("text"))


def _garbled(new: dict, stored: dict) -> str | None:
    before, after = _replacements(stored), _replacements(new)
    if after > before:
        return f"{after} U+FFFD replacement characters (the stored record has {before}): wrongly decoded"
    return None


def _replacements(record: dict) -> int:
    ministry = record.get("ministry") or {}
    texts = [record.get("title"), record.get("body_text"), ministry.get("name")]
    texts += [attachment.get("name") for attachment in record.get("attachments") or ()]
    return sum((text or "").count(REPLACEMENT) for text in texts)


def differs_only_in_hosts(new: dict, stored: dict) -> bool:
    """True when the records differ only in the host of their URLs (a record crawled through a
    mirror before records kept www.korea.kr URLs): no content changed, no revision is due."""
    return new != stored and _without_hosts(new) == _without_hosts(stored)


def _without_hosts(record: dict) -> dict:
    from briefing_spider.parse.url_path import path_of

    attachments = [
        {**attachment, "url": path_of(attachment.get("url") or "")} for attachment in record.get("attachments") or ()
    ]
    return {**record, "url": path_of(record.get("url") or ""), "attachments": attachments}


def only_gains_structure(new: dict, stored: dict) -> bool:
    """The new record differs from the stored one only by the Markdown and tables that a record
    stored before they existed (m013) lacks: filling them in needs no revision."""
    if any(stored.get(name) for name in STRUCTURE_PARTS):
        return False
    changed = {name for name in new if new.get(name) != stored.get(name)}
    return changed <= set(STRUCTURE_PARTS)
