"""A toy second site, for tests only: it proves a site plugs into the archive with no change
outside its folder. Its markup is invented (pages.py), served by server.py, crawled by
spider.py; `SITE` is all the core sees once it is registered (`briefing_spider.sites.register`)."""

from briefing_spider.sites import Site
from tests.toy_site.pages import ORIGIN, attachment_urls, page_url, read_source

SITE = Site(
    name="toy",
    title="Toy notices (a test site)",
    base_url=ORIGIN,
    hosts=frozenset({"toy.example"}),
    kinds=("notice",),
    source_roles=("detail",),
    read_source=read_source,
    attachment_urls=attachment_urls,
    page_url=page_url,
    spiders={"site": "tests.toy_site.spider:ToySpider"},
    spider_module="tests.toy_site.spider",
)
