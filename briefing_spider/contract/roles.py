"""The roles of a saved response (`raw_responses.role`): what a spider fetched it as."""

from __future__ import annotations

from enum import StrEnum


class Role(StrEnum):
    LIST = "list"  # a list page of a section
    DETAIL = "detail"  # a release's own page
    ATTACHMENT = "attachment"  # a file a release page links
    API_LIST = "api_list"  # a page of a machine source (an open API), as received
    API_ITEM = "api_item"  # one item of such a page, saved alone: a release is built from it
