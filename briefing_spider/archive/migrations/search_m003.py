"""The search index's tables as m003/m004 created them: a snapshot, never edited."""

# The search index as m003 and m004 made it (archive/search.py keeps it filled): a contentless FTS5
# table and the text each of its rows was made from.
CREATE_DOCUMENTS = "CREATE TABLE IF NOT EXISTS [search_documents] (id INTEGER PRIMARY KEY, news_id TEXT NOT NULL, title TEXT, body TEXT)"
CREATE_INDEX = (
    "CREATE VIRTUAL TABLE IF NOT EXISTS [search_index] USING fts5("
    "title, body, title_grams, body_grams, content='', tokenize='unicode61')"
)
