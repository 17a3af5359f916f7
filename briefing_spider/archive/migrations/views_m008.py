"""The views as m008_organization_keys (the views over people and organisations: appearances, organizations, people, co_attendance) created them: a snapshot, never edited.

A later change of a view is a new migration with its own snapshot."""

VIEWS = {
    "releases": """
SELECT
  b.news_id,
  b.kind,
  substr(b.published_at, 1, 10) AS published_date,
  substr(b.published_at, 1, 7) AS published_month,
  b.published_at,
  b.title,
  coalesce(b.ministry_canonical, b.ministry) AS ministry,
  b.ministry AS ministry_as_written,
  b.ministry_code,
  b.ministry_en,
  b.body_source,
  length(b.body_text) AS text_length,
  (SELECT count(*) FROM attachments a WHERE a.news_id = b.news_id) AS attachment_count,
  (SELECT count(*) FROM footnotes f WHERE f.news_id = b.news_id) AS footnote_count,
  (SELECT count(*) FROM attendees p WHERE p.news_id = b.news_id) AS attendee_count,
  (SELECT count(*) FROM revisions r WHERE r.news_id = b.news_id) AS revision_count,
  b.event_at,
  b.url,
  b.first_seen_at,
  b.updated_at
FROM briefings b
""",
    "attendee_appearances": """
SELECT
  p.news_id,
  substr(b.published_at, 1, 10) AS published_date,
  b.published_at,
  b.event_at,
  b.title AS release_title,
  coalesce(b.ministry_canonical, b.ministry) AS release_ministry,
  p.position,
  p."group" AS attendee_group,
  p.organization,
  p.organization_canonical,
  p.name,
  p.title,
  p.role,
  p.raw,
  p.attachment_position,
  a.name AS attachment_name,
  b.url
FROM attendees p
JOIN briefings b ON b.news_id = p.news_id
LEFT JOIN attachments a ON a.news_id = p.news_id AND a.position = p.attachment_position
""",
    "latest_revisions": """
SELECT
  r.news_id,
  b.title,
  coalesce(b.ministry_canonical, b.ministry) AS ministry,
  b.published_at,
  (SELECT count(*) FROM revisions n WHERE n.news_id = r.news_id) AS revision_count,
  r.superseded_at AS last_changed_at,
  r.changed_fields,
  r.content_hash AS previous_content_hash,
  b.content_hash AS current_content_hash,
  r.id AS revision_id
FROM revisions r
JOIN briefings b ON b.news_id = r.news_id
WHERE r.id = (SELECT max(m.id) FROM revisions m WHERE m.news_id = r.news_id)
""",
    "appearances": """
SELECT 'attendee' AS source, p.news_id, p.position, substr(b.published_at, 1, 10) AS published_date, b.title AS release_title, coalesce(b.ministry_canonical, b.ministry) AS release_ministry,
  CASE WHEN p.name IS NOT NULL THEN 'person' WHEN p.title IS NOT NULL THEN 'position' ELSE 'organization' END AS kind, CASE WHEN p.name IS NOT NULL THEN coalesce(p.organization_key, '?') || ':' || replace(p.name, ' ', '') WHEN p.title IS NOT NULL THEN coalesce(p.organization_key, '?') || ':[' || p.title || ']' END AS participant_id,
  p.name, p.title, p.role, p."group" AS attendee_group,
  p.organization_key, p.organization AS organization_as_written, b.url
FROM attendees p JOIN briefings b ON b.news_id = p.news_id
UNION ALL
SELECT 'contact' AS source, c.news_id, c.position, substr(b.published_at, 1, 10) AS published_date, b.title AS release_title, coalesce(b.ministry_canonical, b.ministry) AS release_ministry,
  CASE WHEN c.name IS NOT NULL THEN 'person' WHEN c.title IS NOT NULL THEN 'position' ELSE 'organization' END AS kind, CASE WHEN c.name IS NOT NULL THEN coalesce(c.organization_key, '?') || ':' || replace(c.name, ' ', '') WHEN c.title IS NOT NULL THEN coalesce(c.organization_key, '?') || ':[' || c.title || ']' END AS participant_id,
  c.name, c.title, c.role, NULL AS attendee_group,
  c.organization_key, c.department AS organization_as_written, b.url
FROM contacts c JOIN briefings b ON b.news_id = c.news_id
""",
    "organizations": """
SELECT
  a.organization_key,
  CASE WHEN EXISTS (SELECT 1 FROM ministries m WHERE m.lineage = a.organization_key)
       THEN 'ministry' ELSE 'body' END AS kind,
  coalesce((SELECT m.name FROM ministries m WHERE m.lineage = a.organization_key ORDER BY m.valid_to IS NOT NULL, m.valid_to DESC LIMIT 1), (SELECT o.organization FROM attendees o WHERE o.organization_key = a.organization_key GROUP BY o.organization ORDER BY count(*) DESC, o.organization LIMIT 1), a.organization_key) AS name,
  group_concat(DISTINCT CASE WHEN a.source = 'attendee' THEN a.organization_as_written END) AS names_seen,
  count(*) AS appearances,
  count(DISTINCT a.news_id) AS releases,
  count(DISTINCT CASE WHEN a.kind = 'person' THEN a.participant_id END) AS people,
  min(a.published_date) AS first_date,
  max(a.published_date) AS last_date
FROM appearances a
WHERE a.organization_key IS NOT NULL
GROUP BY a.organization_key
""",
    "people": """
SELECT
  a.participant_id AS person_id,
  replace(min(a.name), ' ', '') AS name,
  a.organization_key,
  coalesce((SELECT m.name FROM ministries m WHERE m.lineage = a.organization_key ORDER BY m.valid_to IS NOT NULL, m.valid_to DESC LIMIT 1), (SELECT o.organization FROM attendees o WHERE o.organization_key = a.organization_key GROUP BY o.organization ORDER BY count(*) DESC, o.organization LIMIT 1), a.organization_key) AS organization,
  group_concat(DISTINCT a.title) AS titles,
  count(*) AS appearances,
  count(DISTINCT a.news_id) AS releases,
  sum(a.source = 'attendee') AS as_attendee,
  sum(a.source = 'contact') AS as_contact,
  min(a.published_date) AS first_date,
  max(a.published_date) AS last_date
FROM appearances a
WHERE a.kind = 'person'
GROUP BY a.participant_id
""",
    "co_attendance": """
WITH present AS (
  SELECT DISTINCT p.news_id, substr(b.published_at, 1, 10) AS published_date,
    CASE WHEN p.name IS NOT NULL THEN coalesce(p.organization_key, '?') || ':' || replace(p.name, ' ', '') WHEN p.title IS NOT NULL THEN coalesce(p.organization_key, '?') || ':[' || p.title || ']' END AS participant_id, CASE WHEN p.name IS NOT NULL THEN 'person' WHEN p.title IS NOT NULL THEN 'position' ELSE 'organization' END AS kind, p.organization_key
  FROM attendees p JOIN briefings b ON b.news_id = p.news_id
  WHERE p.name IS NOT NULL OR p.title IS NOT NULL
)
SELECT
  x.participant_id AS a_id, x.kind AS a_kind, x.organization_key AS a_organization_key,
  y.participant_id AS b_id, y.kind AS b_kind, y.organization_key AS b_organization_key,
  count(DISTINCT x.news_id) AS releases,
  min(x.published_date) AS first_date,
  max(x.published_date) AS last_date
FROM present x JOIN present y ON y.news_id = x.news_id AND x.participant_id < y.participant_id
GROUP BY x.participant_id, y.participant_id
""",
}
