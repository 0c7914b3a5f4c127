"""Small widgets the panels share."""
