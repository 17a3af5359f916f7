"""The views as m011_participants created them (appearances, people and co_attendance count
participants): a snapshot, never edited."""

VIEWS = {
    "appearances": """
SELECT 'attendee' AS source,
  p.site,
  p.news_id, p.position, substr(b.published_at, 1, 10) AS published_date, b.title AS release_title, coalesce(b.ministry_canonical, b.ministry) AS release_ministry,
  CASE WHEN p.name IS NOT NULL THEN 'person' WHEN p.title IS NOT NULL THEN 'position' ELSE 'organization' END AS kind, CASE WHEN p.name IS NOT NULL THEN coalesce(p.organization_key, '?') || ':' || replace(p.name, ' ', '') WHEN p.title IS NOT NULL THEN coalesce(p.organization_key, '?') || ':[' || p.title || ']' END AS participant_id,
  p.name, p.title, p.role, p."group" AS attendee_group,
  p.organization_key, p.organization AS organization_as_written, b.url
FROM attendees p JOIN briefings b ON b.site = p.site AND b.news_id = p.news_id
UNION ALL
SELECT 'participant' AS source,
  q.site,
  q.news_id, q.position, substr(b.published_at, 1, 10) AS published_date, b.title AS release_title, coalesce(b.ministry_canonical, b.ministry) AS release_ministry,
  CASE WHEN q.name IS NOT NULL THEN 'person' WHEN q.title IS NOT NULL THEN 'position' ELSE 'organization' END AS kind, CASE WHEN q.name IS NOT NULL THEN coalesce(q.organization_key, '?') || ':' || replace(q.name, ' ', '') WHEN q.title IS NOT NULL THEN coalesce(q.organization_key, '?') || ':[' || q.title || ']' END AS participant_id,
  q.name, q.title, q.role, NULL AS attendee_group,
  q.organization_key, q.organization AS organization_as_written, b.url
FROM participants q JOIN briefings b ON b.site = q.site AND b.news_id = q.news_id
UNION ALL
SELECT 'contact' AS source,
  c.site,
  c.news_id, c.position, substr(b.published_at, 1, 10) AS published_date, b.title AS release_title, coalesce(b.ministry_canonical, b.ministry) AS release_ministry,
  CASE WHEN c.name IS NOT NULL THEN 'person' WHEN c.title IS NOT NULL THEN 'position' ELSE 'organization' END AS kind, CASE WHEN c.name IS NOT NULL THEN coalesce(c.organization_key, '?') || ':' || replace(c.name, ' ', '') WHEN c.title IS NOT NULL THEN coalesce(c.organization_key, '?') || ':[' || c.title || ']' END AS participant_id,
  c.name, c.title, c.role, NULL AS attendee_group,
  c.organization_key, c.department AS organization_as_written, b.url
FROM contacts c JOIN briefings b ON b.site = c.site AND b.news_id = c.news_id
""",
    "people": """
SELECT
  a.participant_id AS person_id,
  replace(min(a.name), ' ', '') AS name,
  a.organization_key,
  coalesce((SELECT m.name FROM ministries m WHERE m.lineage = a.organization_key ORDER BY m.valid_to IS NOT NULL, m.valid_to DESC LIMIT 1), (SELECT o.organization FROM attendees o WHERE o.organization_key = a.organization_key GROUP BY o.organization ORDER BY count(*) DESC, o.organization LIMIT 1), a.organization_key) AS organization,
  group_concat(DISTINCT a.title) AS titles,
  count(*) AS appearances,
  count(DISTINCT a.url) AS releases,  -- a release's URL names its site and id
  sum(a.source = 'attendee') AS as_attendee,
  sum(a.source = 'contact') AS as_contact,
  sum(a.source = 'participant') AS as_participant,
  min(a.published_date) AS first_date,
  max(a.published_date) AS last_date
FROM appearances a
WHERE a.kind = 'person'
GROUP BY a.participant_id
""",
    "co_attendance": """
WITH present AS (
  SELECT DISTINCT
  p.site,
  p.news_id, b.url AS release_url, substr(b.published_at, 1, 10) AS published_date,
    CASE WHEN p.name IS NOT NULL THEN coalesce(p.organization_key, '?') || ':' || replace(p.name, ' ', '') WHEN p.title IS NOT NULL THEN coalesce(p.organization_key, '?') || ':[' || p.title || ']' END AS participant_id, CASE WHEN p.name IS NOT NULL THEN 'person' WHEN p.title IS NOT NULL THEN 'position' ELSE 'organization' END AS kind, p.organization_key
  FROM attendees p JOIN briefings b ON b.site = p.site AND b.news_id = p.news_id
  WHERE p.name IS NOT NULL OR p.title IS NOT NULL
  UNION
  SELECT DISTINCT
  p.site,
  p.news_id, b.url AS release_url, substr(b.published_at, 1, 10) AS published_date,
    CASE WHEN p.name IS NOT NULL THEN coalesce(p.organization_key, '?') || ':' || replace(p.name, ' ', '') WHEN p.title IS NOT NULL THEN coalesce(p.organization_key, '?') || ':[' || p.title || ']' END AS participant_id, CASE WHEN p.name IS NOT NULL THEN 'person' WHEN p.title IS NOT NULL THEN 'position' ELSE 'organization' END AS kind, p.organization_key
  FROM participants p JOIN briefings b ON b.site = p.site AND b.news_id = p.news_id
  WHERE p.name IS NOT NULL OR p.title IS NOT NULL
)
SELECT
  x.participant_id AS a_id, x.kind AS a_kind, x.organization_key AS a_organization_key,
  y.participant_id AS b_id, y.kind AS b_kind, y.organization_key AS b_organization_key,
  count(DISTINCT x.release_url) AS releases,
  min(x.published_date) AS first_date,
  max(x.published_date) AS last_date
FROM present x JOIN present y ON y.site = x.site AND y.news_id = x.news_id AND x.participant_id < y.participant_id
GROUP BY x.participant_id, y.participant_id
""",
}
