"""The newsroom: articles, their blocks and taxonomy, and how the editor works with them."""
