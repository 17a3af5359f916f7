"""Views over people and organisations across releases (created with the others by
`views.create_views`). The rules (docs/extraction.md, "People and organisations"):

- an organisation is one `organization_key` (parse/organizations.py: a ministry's lineage
  across its renames, else the normalised name);
- a *person* is a name within one organisation: `participant_id` = `key:name` (spaces removed
  from the name; `?` for an entry without organisation). Titles stay per appearance;
- an entry with a title and no name (`산업부 산업정책실장`) is a *position*, `key:[title]`;
- an entry with neither (`광해공업공단`) is the organisation itself, with no participant id.

Since m012 `appearances` has the `participants` a release's sentences name (source
`participant`) beside attendees and contacts (`people.as_participant` counts them), and
`co_attendance` pairs everyone who took part
in one release's event, listed or named in the text (a counterpart met is someone met). An
archive before m012 (an older migration calling `create_views`) gets the views as m008 made them
(`PEOPLE_VIEWS_BEFORE_PARTICIPANTS`): they cannot name a table it does not have yet.
"""

from __future__ import annotations


def _participant(alias: str) -> str:
    return (
        f"CASE WHEN {alias}.name IS NOT NULL "
        f"THEN coalesce({alias}.organization_key, '?') || ':' || replace({alias}.name, ' ', '') "
        f"WHEN {alias}.title IS NOT NULL "
        f"THEN coalesce({alias}.organization_key, '?') || ':[' || {alias}.title || ']' END"
    )


def _kind(alias: str) -> str:
    return (
        f"CASE WHEN {alias}.name IS NOT NULL THEN 'person' "
        f"WHEN {alias}.title IS NOT NULL THEN 'position' ELSE 'organization' END"
    )


def organization_name(key: str) -> str:
    """SQL: the display name of the organisation `key`: a ministry's latest registry name,
    else the name attendee lists give it most often."""
    return (
        f"coalesce((SELECT m.name FROM ministries m WHERE m.lineage = {key} "
        f"ORDER BY m.valid_to IS NOT NULL, m.valid_to DESC LIMIT 1), "
        f"(SELECT o.organization FROM attendees o WHERE o.organization_key = {key} "
        f"GROUP BY o.organization ORDER BY count(*) DESC, o.organization LIMIT 1), {key})"
    )


_RELEASE = (
    "substr(b.published_at, 1, 10) AS published_date, b.title AS release_title, "
    "coalesce(b.ministry_canonical, b.ministry) AS release_ministry"
)

_ATTENDEES_AND = f"""
SELECT 'attendee' AS source,
  p.site,
  p.news_id, p.position, {_RELEASE},
  {_kind("p")} AS kind, {_participant("p")} AS participant_id,
  p.name, p.title, p.role, p."group" AS attendee_group,
  p.organization_key, p.organization AS organization_as_written, b.url
FROM attendees p JOIN briefings b ON b.site = p.site AND b.news_id = p.news_id
UNION ALL
"""
_PARTICIPANTS_AND = f"""SELECT 'participant' AS source,
  q.site,
  q.news_id, q.position, {_RELEASE},
  {_kind("q")} AS kind, {_participant("q")} AS participant_id,
  q.name, q.title, q.role, NULL AS attendee_group,
  q.organization_key, q.organization AS organization_as_written, b.url
FROM participants q JOIN briefings b ON b.site = q.site AND b.news_id = q.news_id
UNION ALL
"""
_CONTACTS = f"""SELECT 'contact' AS source,
  c.site,
  c.news_id, c.position, {_RELEASE},
  {_kind("c")} AS kind, {_participant("c")} AS participant_id,
  c.name, c.title, c.role, NULL AS attendee_group,
  c.organization_key, c.department AS organization_as_written, b.url
FROM contacts c JOIN briefings b ON b.site = c.site AND b.news_id = c.news_id
"""
APPEARANCES = _ATTENDEES_AND + _PARTICIPANTS_AND + _CONTACTS
APPEARANCES_BEFORE_PARTICIPANTS = _ATTENDEES_AND + _CONTACTS

ORGANIZATIONS = f"""
SELECT
  a.organization_key,
  CASE WHEN EXISTS (SELECT 1 FROM ministries m WHERE m.lineage = a.organization_key)
       THEN 'ministry' ELSE 'body' END AS kind,
  {organization_name("a.organization_key")} AS name,
  group_concat(DISTINCT CASE WHEN a.source = 'attendee' THEN a.organization_as_written END) AS names_seen,
  count(*) AS appearances,
  count(DISTINCT a.url) AS releases,  -- a release's URL names its site and id
  count(DISTINCT CASE WHEN a.kind = 'person' THEN a.participant_id END) AS people,
  min(a.published_date) AS first_date,
  max(a.published_date) AS last_date
FROM appearances a
WHERE a.organization_key IS NOT NULL
GROUP BY a.organization_key
"""

PEOPLE_BEFORE_PARTICIPANTS = f"""
SELECT
  a.participant_id AS person_id,
  replace(min(a.name), ' ', '') AS name,
  a.organization_key,
  {organization_name("a.organization_key")} AS organization,
  group_concat(DISTINCT a.title) AS titles,
  count(*) AS appearances,
  count(DISTINCT a.url) AS releases,  -- a release's URL names its site and id
  sum(a.source = 'attendee') AS as_attendee,
  sum(a.source = 'contact') AS as_contact,
  min(a.published_date) AS first_date,
  max(a.published_date) AS last_date
FROM appearances a
WHERE a.kind = 'person'
GROUP BY a.participant_id
"""
PEOPLE = PEOPLE_BEFORE_PARTICIPANTS.replace(
    "  sum(a.source = 'contact') AS as_contact,\n",
    "  sum(a.source = 'contact') AS as_contact,\n  sum(a.source = 'participant') AS as_participant,\n",
)


def _present(table: str) -> str:
    return f"""  SELECT DISTINCT
  p.site,
  p.news_id, b.url AS release_url, substr(b.published_at, 1, 10) AS published_date,
    {_participant("p")} AS participant_id, {_kind("p")} AS kind, p.organization_key
  FROM {table} p JOIN briefings b ON b.site = p.site AND b.news_id = p.news_id
  WHERE p.name IS NOT NULL OR p.title IS NOT NULL
"""


CO_ATTENDANCE_BEFORE_PARTICIPANTS = f"""
WITH present AS (
{_present("attendees")})
SELECT
  x.participant_id AS a_id, x.kind AS a_kind, x.organization_key AS a_organization_key,
  y.participant_id AS b_id, y.kind AS b_kind, y.organization_key AS b_organization_key,
  count(DISTINCT x.release_url) AS releases,
  min(x.published_date) AS first_date,
  max(x.published_date) AS last_date
FROM present x JOIN present y ON y.site = x.site AND y.news_id = x.news_id AND x.participant_id < y.participant_id
GROUP BY x.participant_id, y.participant_id
"""
CO_ATTENDANCE = CO_ATTENDANCE_BEFORE_PARTICIPANTS.replace(
    _present("attendees"), _present("attendees") + "  UNION\n" + _present("participants")
)

PEOPLE_VIEWS = {
    "appearances": APPEARANCES,
    "organizations": ORGANIZATIONS,
    "people": PEOPLE,
    "co_attendance": CO_ATTENDANCE,
}
PEOPLE_VIEWS_BEFORE_PARTICIPANTS = {
    **PEOPLE_VIEWS,
    "appearances": APPEARANCES_BEFORE_PARTICIPANTS,
    "people": PEOPLE_BEFORE_PARTICIPANTS,
    "co_attendance": CO_ATTENDANCE_BEFORE_PARTICIPANTS,
}
