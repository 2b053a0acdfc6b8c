"""Advertising: named slots per edition, filled with house creatives or third-party code."""
