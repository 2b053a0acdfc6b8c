"""The public site that readers see, in every edition."""
