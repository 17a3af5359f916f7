"""Participants: the people and bodies a release's title, sub-titles and sentences say took
part in the event it reports (GUIDE "Participants named in the text"). Pure: text in, records out.

`narrative` gives the sentences to read (no notes, tables, reference boxes, contact block or
quoted speech; a ministry head's parenthesis set aside); `mentions` finds who acted, with the
verb class as role; `reader` puts them together. Rules: docs/extraction.md, "Participants".
"""

from briefing_spider.parse.participants.reader import extract_participants

__all__ = ["extract_participants"]
