"""Scrapy commands of the project (settings.COMMANDS_MODULE): `crawl` with honest exit codes."""
