"""Side-by-side speed measurements of the archive: its pages under load (gunicorn, production
settings), the SQL those pages run (the floor), and Datasette over the same corpus.

Run ``python -m bench --help``; docs/performance.md has the workload and the latest table.
"""
