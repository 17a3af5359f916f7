from briefing_spider.cli import cli

cli()
