"""Side effects of publishing on syndication (connected in apps.py)."""
