"""korea.kr's spiders (one per source). Spiders only navigate: they yield raw responses."""
