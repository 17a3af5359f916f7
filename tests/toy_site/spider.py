"""The toy site's spider: a name and a site. The crawl kit does the rest."""

from briefing_spider.crawl.spider import ArchiveSpider
from tests.toy_site import SITE


class ToySpider(ArchiveSpider):
    name = "toy_notices"
    site = SITE
