"""Pages for an organisation's administrators (people, settings), the invitation page, the brand assets, the
reporting kit (``kit``: the public link's page, poster and cards) and the national administrators' pages
(``national``)."""
