"""Values an analyst can query, derived from extracted items in one place. Pure.

The extractors keep what the document writes; this step adds the forms a query needs, and
`raw` keeps the line as written:

- `title` without spaces inside Korean words (`과  장` → `과장`, `대표 이사` → `대표이사`), so
  `WHERE title = '과장'` finds every 과장; a space next to a Latin letter or digit stays.
- a contact's `email`: the first e-mail address in the line it was read from.
- an attendee's `organization_canonical`: the name in force on the release date of the ministry
  the organisation names (`산업부` on 2026-04-13 → `산업통상부`), through the ministry registry
  and its short forms; an organisation that begins with a ministry keeps the rest
  (`산업부 무역정책관실` → `산업통상부 무역정책관실`). A body the registry does not know (a
  company, a university, the National Assembly) gets None: the registry knows only ministries,
  and a guess would look like a fact.
- an attendee's `organization_key`: one key per organisation across names and renames
  (`parse/organizations.py`: the ministry's lineage, else the normalised name); a contact's:
  the ministry its department begins with, else the publishing ministry's
  (`contact_organization_keys`, applied when the release's ministry is known).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace

from briefing_spider.parse.contact_forms import EMAIL_RE
from briefing_spider.parse.ministries import ministry_in_organization, resolve_ministry
from briefing_spider.parse.organizations import organization_key
from briefing_spider.records import Attendee, Contact, Participant

SPACE_INSIDE_HANGUL_RE = re.compile(r"(?<=[가-힣])\s+(?=[가-힣])")
SPACES_RE = re.compile(r"\s+")


def query_title(title: str | None) -> str | None:
    """`과  장` → `과장`; other runs of whitespace collapse to one space."""
    if title is None:
        return None
    joined = SPACES_RE.sub(" ", SPACE_INSIDE_HANGUL_RE.sub("", title)).strip()
    return joined or None


def email_of(raw: str) -> str | None:
    found = EMAIL_RE.search(raw or "")
    return found.group(0) if found else None


def canonical_organization(organization: str | None, *, on: dt.date | None) -> str | None:
    """The ministry's canonical name on `on` (with the rest of the organisation), else None."""
    if not organization or not organization.strip():
        return None
    whole = resolve_ministry(organization, on=on)
    if whole is not None:
        return whole.canonical
    first, _, rest = organization.strip().partition(" ")
    if not rest:
        return None
    head = resolve_ministry(first, on=on)
    return f"{head.canonical} {SPACES_RE.sub(' ', rest.strip())}" if head is not None else None


def contact_values(contact: Contact) -> Contact:
    return replace(contact, title=query_title(contact.title), email=contact.email or email_of(contact.raw))


def attendee_values(attendee: Attendee, *, on: dt.date | None) -> Attendee:
    return replace(
        attendee,
        title=query_title(attendee.title),
        organization_canonical=canonical_organization(attendee.organization, on=on),
        organization_key=organization_key(attendee.organization, on=on),
    )


def contact_organization_keys(
    contacts: tuple[Contact, ...], *, ministry: str | None, on: dt.date | None
) -> tuple[Contact, ...]:
    """Each contact with the key of the ministry its department names (`국토부 주택정책과`),
    else of the publishing `ministry` (a release's contacts are its own staff)."""
    fallback = organization_key(ministry, on=on) if ministry else None
    return tuple(
        replace(contact, organization_key=_department_key(contact.department, on) or fallback) for contact in contacts
    )


def _department_key(department: str | None, on: dt.date | None) -> str | None:
    if not department or ministry_in_organization(department, on=on) is None:
        return None
    return organization_key(department, on=on)


OTHERS_ROLES = ("면담", "서명")  # a counterpart met or signed with is not the ministry's own


def participant_values(
    participants: tuple[Participant, ...], *, ministry: str | None, on: dt.date | None
) -> tuple[Participant, ...]:
    """Each participant's query values, like an attendee's; one with no organisation written
    who acted in the release's event (not a counterpart, not the head of a body named in the
    title, `관세청장`) is the publishing `ministry`'s own official: its key."""
    from briefing_spider.parse.attendees.entry import names_agency

    fallback = organization_key(ministry, on=on) if ministry else None
    out = []
    for person in participants:
        key = organization_key(person.organization, on=on)
        if key is None and person.role not in OTHERS_ROLES and not names_agency(person.title):
            key = fallback
        out.append(
            replace(
                person,
                title=query_title(person.title),
                organization_canonical=canonical_organization(person.organization, on=on),
                organization_key=key,
            )
        )
    return tuple(out)
