"""A toy second site, for tests only: it proves a site is declarations and pure parsers — one
`Section` and a spider of two lines get incremental crawls, day counts, the unreachable-host line
and the fault behaviour from the crawl kit. Its markup is invented (pages.py), served by
server.py; `SITE` is all the core sees once it is registered (`contract.registry.register`)."""

from briefing_spider.contract import Section, Site, Source
from tests.toy_site.pages import DETAIL_PATH, LIST_PATH, ORIGIN, parse_list, read_page

NOTICES = Section(
    kind="notice",
    label="Notices",
    list_path=LIST_PATH,
    detail_path=DETAIL_PATH,
    id_param=None,  # /notice/123
    dated=True,
    date_params=("from", "to"),
    page_param="page",
    parse_list=parse_list,
    read_page=read_page,
)

SITE = Site(
    name="toy",
    title="Toy notices (a test site)",
    base_url=ORIGIN,
    hosts=frozenset({"toy.example"}),
    sections=(NOTICES,),
    sources={
        "site": Source(spider_name="toy_notices", label="the toy pages", spider="tests.toy_site.spider:ToySpider")
    },
    spider_module="tests.toy_site.spider",
)
