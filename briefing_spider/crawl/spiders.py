"""The spiders of every known site, made by the crawl kit: one class per source of each site
(`Site.sources`) — an `ArchiveSpider` for its pages, a `FeedSpider` for a machine source — named
as the source says (`scrapy crawl korea_kr_press`). A source may name a class of the site's own
instead (`Source.spider`, a subclass of the kit's). Scrapy finds them here (SPIDER_MODULES)."""

from __future__ import annotations

from briefing_spider.contract import Site
from briefing_spider.contract.registry import all_sites, get_site, load
from briefing_spider.crawl.feed import FeedSpider
from briefing_spider.crawl.spider import ArchiveSpider


def spider_class(site: Site, source_name: str = "site") -> type[ArchiveSpider]:
    """The spider that crawls `site` from its source `source_name`."""
    source = site.source(source_name)
    if source.spider:
        return load(source.spider)
    base: type[ArchiveSpider] = FeedSpider if source.feed else ArchiveSpider
    body = {
        "name": source.spider_name,
        "site": site,
        "source": source_name,
        "__module__": __name__,
        "__doc__": f"{site.title}: {source.label}.",
    }
    if source.feed:
        body["feed"] = source.feed
    return type(_class_name(site, source_name), (base,), body)


def crawl_spider(site_name: str, source_name: str = "site") -> type[ArchiveSpider]:
    return spider_class(get_site(site_name), source_name)


def _class_name(site: Site, source_name: str) -> str:
    return "".join(part.title() for part in f"{site.name}_{source_name}".split("_")) + "Spider"


def _kit_spiders() -> dict[str, type[ArchiveSpider]]:
    """The classes the kit makes for every known site's sources (not those a site names itself)."""
    made = (
        spider_class(site, name) for site in all_sites() for name, source in site.sources.items() if not source.spider
    )
    return {spider.__name__: spider for spider in made}


globals().update(_kit_spiders())  # Scrapy's spider loader looks for the classes of this module
