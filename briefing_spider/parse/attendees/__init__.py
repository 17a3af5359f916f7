"""Attendee lists (GUIDE `attendees`): a small grammar over the tokens of a list.

`reader` walks a list's entries; `lists` finds where lists are and which lines they run over;
`roster` reads roster tables; `cells` a label cell and the cell beside it; `entry` one entry's
parse; `phrases` the phrases an entry is made of; `lexicon` the word lists; `merge` one event
listed twice; `leftovers` the tokens no rule took, named in warnings. Rules: docs/extraction.md.
"""

from briefing_spider.parse.attendees.reader import extract_attendees, read_attendees

__all__ = ["extract_attendees", "read_attendees"]
