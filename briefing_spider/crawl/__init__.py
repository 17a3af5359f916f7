"""The crawl kit: everything generic about crawling a site into the archive.

`spider.ArchiveSpider` is the base of every site's spider: the arguments, the window and the
archive's state, one list walker for every section (`walker.py`: dated lists day by day with the
site's counts, undated lists until their dates pass the range, paging by GET or by a posted
form), the detail → attachments chain and its errbacks, the tally and the limit. The pipeline
(`pipeline.py`) saves every response raw, then builds each release from the raw store; the
runner (`runner.py`) runs a crawl in this process with the package's settings (`settings.py`).
Nothing here knows a site: a site is declarations (briefing_spider/contract) and pure parsers.
"""
