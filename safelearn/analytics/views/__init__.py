"""National learning pages. Thin: they parse input, call selectors and services, and render."""
