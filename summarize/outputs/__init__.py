"""What a run writes for readers: each briefing as data (`data`, the JSON file) and as
Markdown (`markdown`)."""
