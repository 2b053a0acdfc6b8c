"""The editions of the newspaper: languages, URL prefixes, local dates, the edition switch."""
