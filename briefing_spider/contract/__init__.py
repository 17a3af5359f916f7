"""The site contract, in the core: what a site declares (`Site`, `Section`, `Source`), what its
pure parsers return (`ListPage`, `DetailPage`, `PageParseError`), the roles of saved responses,
and the registry of sites (`contract.registry`). Nothing here knows a site."""

from briefing_spider.contract.errors import PageParseError
from briefing_spider.contract.feed import Feed, FeedError, FeedItem, FeedPage
from briefing_spider.contract.listing import ListEntry, ListPage
from briefing_spider.contract.page import AttachmentLink, DetailPage, KindParts, PageText, is_substantive
from briefing_spider.contract.roles import Role
from briefing_spider.contract.site import Paging, Section, Site, Source, UnknownKind, UnknownSite

__all__ = [
    "AttachmentLink",
    "DetailPage",
    "Feed",
    "FeedError",
    "FeedItem",
    "FeedPage",
    "KindParts",
    "ListEntry",
    "ListPage",
    "PageParseError",
    "PageText",
    "Paging",
    "Role",
    "Section",
    "Site",
    "Source",
    "UnknownKind",
    "UnknownSite",
    "is_substantive",
]
