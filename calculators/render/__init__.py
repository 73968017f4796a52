"""Results as HTML and SVG: one renderer for the prerendered page and the live browser."""
