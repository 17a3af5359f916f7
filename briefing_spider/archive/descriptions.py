"""What each table, view and column means: one source for docs/schema.md, the Frictionless
datapackage and the Datasette metadata. `tests/test_schema.py` fails when a column lacks one."""

from __future__ import annotations

_SITE = "The site the release was read from (briefing_spider/sites), e.g. korea_kr; with news_id, the key."
_CHILD = {
    "site": "The site of the release this row belongs to (briefings.site).",
    "news_id": "The release this row belongs to (briefings.news_id).",
    "position": "Order within the release, from 0.",
}
_SOURCE = {"attachment_position": "The attachment (attachments.position) it was read from; NULL: the page body."}
_RELEASE_DATE = {
    "published_date": "Publication day in Asia/Seoul, YYYY-MM-DD.",
    "published_at": "When the site (korea.kr) published the release, ISO 8601 with +09:00.",
    "event_at": "Date or datetime of the event the release reports (its 일시 line, else the date "
    "nearest before the event verb of the lead sentence), when the text says so.",
    "url": "The release page on its site (www.korea.kr).",
}
_ORG_KEY = (
    "One key per organisation: a ministry's registry lineage (산업부, 산업통상자원부 → "
    "motie), else the name normalised (no spaces, ㈜/(주)/주식회사, trailing 등); NULL: none."
)
_PARTICIPANT = (
    "`organization_key:name` for a person, `organization_key:[title]` for a position "
    "(`?` when the organisation is unknown)."
)
_FIRST_LAST = {"first_date": "First publication day it appears on.", "last_date": "Last publication day it appears on."}

TABLES: dict[str, str] = {
    "briefings": "One row per release (press release, briefing, fact check, cabinet meeting), latest version.",
    "attachments": "Files attached to a release, with the text read from them.",
    "contacts": "Contact persons (담당 부서) listed in a release.",
    "footnotes": "Footnotes (※, *, 주) of a release body.",
    "attendees": "People or bodies named by an explicit attendee list (참석자) in a release.",
    "raw_responses": "Every HTTP response fetched, by URL and content hash; bodies live in the raw store.",
    "revisions": "Earlier versions of a release, kept when its content changed.",
    "crawl_runs": "One row per `briefing crawl` run.",
    "crawl_errors": "Errors met during a crawl run.",
    "crawl_days": "Per crawl run, kind and day: the site's own total (총 N 건) against what the archive holds.",
    "participants": "People or bodies a release's title or sentences say took part in the event it "
    "reports (주재, 참석, 방문, 면담, 서명), not named by its attendee list.",
    "utterances": "The remarks of a briefing transcript (kind briefing), in order, each with its speaker.",
    "press_reports": "The press report a fact check (kind fact_check) answers, as far as the page names it.",
    "agenda_items": "The agenda of a cabinet meeting (kind state_council), each item with its 소관 ministries.",
    "tables": "The tables of a release's documents as data: rows × columns, merged cells repeated "
    "into every cell they cover (docs/extraction.md, Structure).",
    "ministries": "Registry of central agencies and their names over time (from parse/ministries.csv).",
    "search_index": "Full-text index (contentless FTS5) over titles, bodies and footnotes; see docs/search.md.",
    "search_documents": "The text each search_index row was made from (rowid = id).",
    "releases": "View: briefings with the canonical ministry, day, month, text length and child counts.",
    "attendee_appearances": "View: each attendee with the date, title and ministry of the release.",
    "latest_revisions": "View: the most recent earlier version of each changed release.",
    "appearances": "View: every attendee, participant and contact entry as a person, a position (title without "
    "a name) or an organisation, with its organisation key, title, role, release and date.",
    "organizations": "View: one row per organisation key (a ministry lineage, or a body's normalised "
    "name), with the names seen for it and its counts.",
    "people": "View: one row per person, a name within one organisation (rules: docs/extraction.md).",
    "co_attendance": "View: pairs of people or positions who took part in the same release's event "
    "(its attendee list or its participants), with how many releases and the first and last date.",
}

COLUMNS: dict[str, dict[str, str]] = {
    "briefings": {
        "site": _SITE,
        "news_id": "The site's own stable identifier of the release (korea.kr: its newsId).",
        "kind": "The site's section: press_release (korea.kr: also briefing, fact_check, state_council).",
        "url": _RELEASE_DATE["url"],
        "title": "Title as a browser shows the page's heading (entities decoded; MARKUP: view_title h1).",
        "subtitle": "Sub-title of the page (.article_head h2), as shown; NULL: none (since m011).",
        "published_at": _RELEASE_DATE["published_at"],
        "modified_at": "When the site last modified the release, ISO 8601, if shown.",
        "ministry": "Publishing ministry as written on the page.",
        "ministry_code": "korea.kr repCode of the ministry (e.g. A00014), when known.",
        "ministry_canonical": "Name of the ministry in force on the publication date (registry).",
        "ministry_en": "English name of the canonical ministry.",
        "body_html": "Body HTML from the page.",
        "body_text": "Body text: from the page, or from the attachment named in body_source.",
        "body_source": "Where body_text came from: page, or the kind (hwpx, hwp, pdf) of the "
        "attachment that is the release itself (by its name, then its contact block).",
        "body_markdown": "The body as Markdown, from the same source as body_text: the title, "
        "headings, nested lists, tables (HTML where cells are merged), notes, the contact block "
        "and the attachments' names. NULL: not built yet (run briefing reparse).",
        "event_at": _RELEASE_DATE["event_at"],
        "warnings": "JSON list of parser warnings.",
        "content_hash": "SHA-256 of the normalized record; changes when the content changes.",
        "first_seen_at": "When the crawler first stored this release.",
        "updated_at": "When the crawler last stored a changed version.",
    },
    "attachments": {
        **_CHILD,
        "name": "File name as listed.",
        "url": "Download URL.",
        "kind": "Sniffed from the bytes: hwpx, hwp, pdf, html, empty or unknown.",
        "sha256": "SHA-256 of the file (key into the raw store).",
        "size": "Bytes.",
        "text": "Text read from the file (every readable document, not only the release's).",
        "pages": "Pages (PDF).",
        "paragraphs": "Paragraphs (HWP/HWPX).",
        "error": "Why there is no text, if none.",
    },
    "contacts": {
        **_CHILD,
        "department": "Department (부서).",
        "role": "책임자 or 담당자.",
        "title": "Job title without inner spaces (과장, 사무관…; raw keeps `과  장`).",
        "name": "Person's name.",
        "phone": "Phone number.",
        "email": "E-mail address given in the contact's line, if any.",
        "organization_key": _ORG_KEY + " Of the ministry the department begins with, else of the publishing ministry.",
        "raw": "The line it was read from.",
        **_SOURCE,
    },
    "footnotes": {
        **_CHILD,
        "marker": "The footnote mark (※, *, 주…).",
        "text": "Footnote text.",
        "raw": "The line it was read from.",
        **_SOURCE,
    },
    "attendees": {
        **_CHILD,
        "group": "Group heading the attendee is listed under ((국회), (정부)…).",
        "organization": "Organization as written (외교부, 산업부, 삼성전자…).",
        "organization_canonical": "The ministry the organization names, by its name in force on "
        "the release date (산업부 → 산업통상부); NULL for bodies that "
        "are not ministries.",
        "organization_key": _ORG_KEY,
        "name": "Person's name.",
        "title": "Title without inner spaces (2차관, 대표이사…).",
        "role": "Role in the meeting ((주재), 좌장…).",
        "raw": "The list entry it was read from.",
        **_SOURCE,
    },
    "participants": {
        **_CHILD,
        "organization": "Organization as written (행안부 stays 행안부; 주한 ○○대사관 for an envoy met).",
        "organization_canonical": "The ministry the organization names, by its name in force on the release date.",
        "organization_key": _ORG_KEY + " An official with no organisation written who acted in the "
        "event (not a counterpart) has the publishing ministry's.",
        "name": "Person's name; NULL when the text names only a title (가나부 차관은).",
        "title": "Title without inner spaces (제1차관, 국무총리…).",
        "role": "How the text says they took part: 주재, 참석, 방문, 면담 or 서명 (one row per role).",
        "raw": "The sentence (title, sub-title or body) it was read from.",
    },
    "raw_responses": {
        "url": "Requested URL (as fetched: the site, a mirror or a proxy).",
        "path": "The URL without scheme and host: a file is found whatever host served it.",
        "site": "The site the crawl fetched it for (briefing_spider/sites): with news_id, its release.",
        "sha256": "SHA-256 of the body (key into the raw store).",
        "status": "HTTP status; 0 when the request failed.",
        "headers": "Response headers, JSON.",
        "size": "Body bytes.",
        "kind": "Sniffed body type.",
        "role": "list, detail or attachment.",
        "news_id": "Release the response belongs to, if any.",
        "error": "Why the fetch failed, or `unreadable: …` for a body that arrived cut short (never used).",
        "fetched_at": "First fetch with this body.",
        "last_fetched_at": "Latest fetch with this body.",
    },
    "revisions": {
        "id": "Revision number.",
        "site": "The release's site (briefings.site).",
        "news_id": "The release (briefings.news_id).",
        "content_hash": "content_hash of the earlier version.",
        "record": "The earlier version as JSON (the shape of Release.to_dict()).",
        "changed_fields": "JSON list of fields that differ in the newer version.",
        "superseded_at": "When the newer version was stored.",
    },
    "crawl_runs": {
        "id": "Run number.",
        "started_at": "Start time.",
        "finished_at": "End time.",
        "arguments": "Command arguments, JSON.",
        "status": "finished, shutdown, failed…",
        "pages": "Responses fetched.",
        "new": "New releases.",
        "updated": "Changed releases.",
        "unchanged": "Releases fetched again without change.",
        "errors": "Errors met.",
        "bytes": "Bytes downloaded.",
    },
    "crawl_errors": {
        "id": "Error number.",
        "run_id": "The run (crawl_runs.id).",
        "url": "URL at fault.",
        "kind": "fetch, parse, …",
        "reason": "What went wrong.",
        "at": "When.",
        "release_kind": "The kind of release the page is of (briefings.kind), when known: "
        "a section whose pages stop parsing shows here.",
    },
    "crawl_days": {
        "run_id": "The run (crawl_runs.id).",
        "day": "Publication day, YYYY-MM-DD.",
        "site": "The site whose list gave the count (briefing_spider/sites).",
        "kind": "The kind whose list gave the count (briefings.kind); each has its own count.",
        "site_total": "Releases the site lists for the day (총 N 건).",
        "archived": "Releases of that day in the archive after the run.",
    },
    "utterances": {
        "site": "The release's site (briefings.site).",
        "news_id": "The briefing (briefings.news_id).",
        "position": "0-based, in transcript order.",
        "speaker": "The speaker's name; empty for a question, a host or an unnamed speaker.",
        "organization": "The speaker's organisation as written.",
        "title": "The speaker's title (기자 for a question, 사회자 for the host).",
        "text": "What was said, one line per paragraph.",
    },
    "press_reports": {
        "site": "The release's site (briefings.site).",
        "news_id": "The fact check (briefings.news_id).",
        "position": "0 (a fact check answers one report).",
        "outlet": "The outlet that published the report, when named.",
        "reported_on": "The report's date, YYYY-MM-DD, when named.",
        "title": "The report's title as quoted (「…」).",
        "raw": "The line it was read from.",
    },
    "tables": {
        **_CHILD,
        **_SOURCE,
        "number": "Its place among the tables of its document, from 1.",
        "caption": "The line above the table that names it (【…】, <표 1> …), else the heading it "
        "stands under, else its (단위: …) line.",
        "unit": "The unit its caption, unit line or header gives (단위: 억원 → 억원), when one does.",
        "header": "JSON list, one text per column: the header rows folded (a merged cell of the "
        "first row over the row under it: ’26년 + 본예산(A) → ’26년 본예산(A)).",
        "rows": "JSON list of the rows under the header, each a list of one text per column; a "
        "merged cell's text is repeated into every cell it covers.",
        "n_rows": "Rows under the header.",
        "n_columns": "Columns.",
    },
    "agenda_items": {
        "site": "The release's site (briefings.site).",
        "news_id": "The cabinet meeting (briefings.news_id).",
        "position": "0-based, in page order.",
        "group": "The part of the agenda: 의결안건, 보고안건…",
        "category": "The kind of item, e.g. 법률안.",
        "title": "The item as named.",
        "ministries": "The 소관 ministries as named, joined by ', '.",
        "text": "The lines that describe it.",
    },
    "ministries": {
        "id": "Row number in the registry.",
        "lineage": "One organisation across renames.",
        "code": "korea.kr repCode, when known.",
        "name": "Name in force for the period.",
        "name_en": "English name.",
        "short_forms": "Abbreviations, separated by |.",
        "valid_from": "First day in force (empty: before 2008).",
        "valid_to": "First day no longer in force (empty: still in force).",
        "successor": "Name that took over when this one ended.",
        "predecessors": "Names this one took over from, separated by |.",
    },
    "search_index": {
        "title": "Title as written (whole words).",
        "body": "Body text and footnotes as written (whole words).",
        "title_grams": "Title as overlapping two-syllable pieces (the searched column).",
        "body_grams": "Body and footnotes as overlapping two-syllable pieces.",
    },
    "search_documents": {
        "id": "search_index rowid: the numeric news id (korea.kr), else a hash of site and id.",
        "site": "The release's site (briefings.site).",
        "news_id": "The release (briefings.news_id).",
        "title": "Title as indexed.",
        "body": "Body text and footnotes as indexed.",
    },
    "releases": {
        "site": _SITE,
        "news_id": "The site's id of the release (korea.kr newsId).",
        "kind": "The site's section (press_release, …).",
        **{k: _RELEASE_DATE[k] for k in ("published_date", "published_at")},
        "published_month": "Publication month, YYYY-MM.",
        "title": "Headline as written.",
        "ministry": "Canonical ministry (in force on the publication date), else as written.",
        "ministry_as_written": "Ministry as written on the page.",
        "ministry_code": "korea.kr repCode.",
        "ministry_en": "English name of the canonical ministry.",
        "body_source": "page, hwpx, hwp or pdf.",
        "text_length": "Characters in body_text.",
        "attachment_count": "Attached files.",
        "footnote_count": "Footnotes.",
        "attendee_count": "Attendees listed.",
        "revision_count": "Earlier versions kept.",
        "event_at": _RELEASE_DATE["event_at"],
        "url": _RELEASE_DATE["url"],
        "first_seen_at": "First stored.",
        "updated_at": "Last changed.",
    },
    "attendee_appearances": {
        "site": "The release's site.",
        "news_id": "The release.",
        **_RELEASE_DATE,
        "release_title": "Headline of the release.",
        "release_ministry": "Canonical ministry of the release.",
        "position": "Order in the list.",
        "attendee_group": "Group heading ((국회), (정부)…).",
        "organization": "Attendee's organization as written.",
        "organization_canonical": "The ministry it names, in force on the release date; NULL: not a ministry.",
        "name": "Attendee's name.",
        "title": "Attendee's title (2차관, 대표이사…).",
        "role": "Role in the meeting ((주재), 좌장…).",
        "raw": "The list entry as written.",
        **_SOURCE,
        "attachment_name": "File name of that attachment (NULL: the page body).",
    },
    "latest_revisions": {
        "site": "The release's site.",
        "news_id": "The release.",
        "title": "Current headline.",
        "ministry": "Canonical ministry.",
        "published_at": _RELEASE_DATE["published_at"],
        "revision_count": "Earlier versions kept.",
        "last_changed_at": "When the latest change was stored.",
        "changed_fields": "JSON list of fields changed in the latest change.",
        "previous_content_hash": "content_hash before the latest change.",
        "current_content_hash": "content_hash now.",
        "revision_id": "revisions.id of that version.",
    },
}

COLUMNS.update(
    {
        "appearances": {
            "source": "attendee (an attendee list), participant (named in the text taking part) or "
            "contact (a contact block).",
            "site": _SITE,
            "news_id": "The release.",
            "position": "Order in the release's attendees or contacts.",
            "published_date": _RELEASE_DATE["published_date"],
            "release_title": "Headline of the release.",
            "release_ministry": "Canonical ministry of the release.",
            "kind": "person (a name), position (a title without a name) or organization (neither).",
            "participant_id": _PARTICIPANT + " NULL for an organisation alone.",
            "name": "Name as read.",
            "title": "Title in this release (2차관 now, 1차관 a year later).",
            "role": "Role ((주재), 좌장; 책임자, 담당자 for contacts).",
            "attendee_group": "Group heading ((정부), (기업)…); NULL for contacts.",
            "organization_key": _ORG_KEY,
            "organization_as_written": "Organisation as the attendee list writes it; a contact's department.",
            "url": _RELEASE_DATE["url"],
        },
        "organizations": {
            "organization_key": _ORG_KEY,
            "kind": "ministry (a registry lineage) or body (anything else).",
            "name": "A ministry's latest registry name; a body's most frequent name in attendee lists.",
            "names_seen": "Names attendee lists gave it, comma-separated.",
            "appearances": "Attendee, participant and contact entries.",
            "releases": "Releases it appears in.",
            "people": "Distinct people in it.",
            **_FIRST_LAST,
        },
        "people": {
            "person_id": _PARTICIPANT,
            "name": "Name without spaces.",
            "organization_key": _ORG_KEY,
            "organization": "Display name of the organisation (see organizations.name).",
            "titles": "Titles seen, comma-separated (per appearance: see appearances).",
            "appearances": "Attendee, participant and contact entries.",
            "releases": "Releases the person appears in.",
            "as_attendee": "Entries in attendee lists.",
            "as_contact": "Entries in contact blocks.",
            "as_participant": "Times the text names them taking part (participants).",
            **_FIRST_LAST,
        },
        "co_attendance": {
            "a_id": "One participant (" + _PARTICIPANT + ")",
            "a_kind": "person or position.",
            "a_organization_key": "Its organisation key.",
            "b_id": "The other participant (b_id > a_id).",
            "b_kind": "person or position.",
            "b_organization_key": "Its organisation key.",
            "releases": "Releases whose attendee lists name both.",
            "first_date": "First such publication day.",
            "last_date": "Last such publication day.",
        },
    }
)


def describe(table: str, column: str | None = None) -> str:
    """The description of a table (or of one of its columns); empty when there is none."""
    if column is None:
        return TABLES.get(table, "")
    return COLUMNS.get(table, {}).get(column, "")
