"""The sites the archive knows, one folder each (`sites/<name>/`): declarations (a `Site` of
`Section`s, in the folder's `__init__.py`) and pure parsers. What a site must declare is the
contract (briefing_spider/contract); the registry finds a site by name
(briefing_spider/contract/registry.py). The core imports no module of this package."""
