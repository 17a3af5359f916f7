"""The forms a contact is written in: role words, labels, phones, e-mails, and a person from
a line of text (`책임자 과 장 홍길동 (044-…)` → title, name, phone). Shared by the table and
the text readers of contacts (`contact_tables.py`, `contacts.py`)."""

from __future__ import annotations

import re

ROLE_RE = re.compile(r"^(?:책\s*임\s*자|담\s*당\s*자|실\s*무\s*자)$")
LABEL_RE = re.compile(r"^(?:담당\s*(?:부\s*서|기\s*관|부처)|[<〈《‹(\[].*[>〉》›)\]]|소\s*속|부\s*서\s*명?)$")
PHONE_RE = re.compile(r"(?<![\d*])0\d{1,2}[)\-.\s]\s*[\d*]{3,4}[\-.\s][\d*]{4}(?![\d*])")
EMAIL_RE = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
TEXT_ROLE_RE = re.compile(r"(?<![가-힣])(?:책\s*임\s*자|담\s*당\s*자)(?![가-힣])")


def text_person(rest: str) -> tuple[str | None, str | None, str | None]:
    """title, name and phone of the text after a role; name None unless a Korean name ends it."""
    phone_match = PHONE_RE.search(rest)
    phone = phone_match.group(0).strip() if phone_match else None
    cut = min([m.start() for m in (phone_match, EMAIL_RE.search(rest)) if m] or [len(rest)])
    words = [w for w in re.split(r"[\s/():：]+", rest[:cut]) if w]
    while len(words) >= 2 and len(words[-1]) == 1 and len(words[-2]) <= 2 and _spaced_tail(words):
        words[-2:] = [words[-2] + words[-1]]  # `배 인`, `홍 길 동`: a name spaced letter by letter
    if not words:
        return None, None, phone
    name = words[-1]
    if not re.fullmatch(r"[가-힣]{2,4}", name):
        return None, None, phone
    return " ".join(words[:-1]) or None, name, phone


def _spaced_tail(words: list[str]) -> bool:
    """The last words spell a name spaced out (`사무관 배 인`), not a title and a one-letter word."""
    return (
        bool(re.fullmatch(r"[가-힣]", words[-1]))
        and bool(re.fullmatch(r"[가-힣]{1,2}", words[-2]))
        and (len(words) == 2 or len(words[-3]) >= 2 or len(words[-2]) == 1)
    )
