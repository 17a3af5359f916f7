"""The views as m002_query_layer (the first views: releases, attendee_appearances, latest_revisions) created them: a snapshot, never edited.

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
  p.name,
  p.title,
  p.role,
  p.raw,
  b.url
FROM attendees p
JOIN briefings b ON b.news_id = p.news_id
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
}
