"""Pure parsers: bytes or text in, frozen dataclasses out. No I/O, no clock, no Scrapy."""
