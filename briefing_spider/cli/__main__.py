from briefing_spider.cli import cli

if __name__ == "__main__":  # worker processes (spawn) import this module again: don't run there
    cli()
