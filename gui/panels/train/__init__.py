"""The Train tab: a small network fitted to data, every gradient of one step shown."""
