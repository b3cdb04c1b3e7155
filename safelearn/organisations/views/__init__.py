"""Pages for an organisation's administrators (people, settings), the invitation page, and the brand assets."""
