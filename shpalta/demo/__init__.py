"""Demo content in three editions, written for Shpalta."""
