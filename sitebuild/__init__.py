"""The site build: plain functions that the MkDocs hooks in `overrides/hooks/` call.

Importable (tests import it directly) and free of MkDocs at import time, so it stays cheap to
move if the site generator changes.
"""
