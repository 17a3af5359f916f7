"""One spider per site and section. Spiders only navigate: they yield raw responses."""
