"""python -m bench: measure the archive's pages against their SQL and against Datasette.

Everything runs on this machine over 127.0.0.1. See docs/performance.md. The parts: the options
(bench/options.py), the run (bench/run.py), what it ran on (bench/machine.py) and the report
(bench/report.py).
"""

from bench.run import main

if __name__ == "__main__":
    main()
