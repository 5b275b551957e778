"""python -m bench.mix_cpu: what the mixed workload of ``python -m bench --mix`` costs in CPU.

Every address of every kind's pool (bench/mix_urls.py, the same seed gives the same ones)
served in-process through Django's test client with the production settings, as
``bench.pages`` does (on SQLite the process's CPU includes the database's work): the median
CPU time of ``--times`` requests for each address, each kind's mean over its addresses (a
mixed run draws them uniformly), and the mean of a mixed request, the kinds weighted as
``--mix`` weights them. ``1000 / that`` is how many mixed requests per second one core could
serve with nothing else running: an estimate of the mix's capacity that depends little on
the load of a shared machine, unlike the requests per second of a run through gunicorn."""

import argparse
import json
import os
import statistics

from bench import servers
from bench.mix import WEIGHTS
from bench.options import OUT
from bench.pages import setup_in_process


def parse_args(argv=None):
    p = argparse.ArgumentParser(prog="python -m bench.mix_cpu", description=__doc__)
    p.add_argument("--database-url", default=os.environ.get("DATABASE_URL"))
    p.add_argument("--seed", type=int, default=1, help="the pools' seed (as bench --seed)")
    p.add_argument("--times", type=int, default=3, help="requests per address (default 3)")
    p.add_argument("--kinds", help="comma-separated kinds (default: all)")
    p.add_argument("--out", default=str(OUT / "mix_cpu.json"))
    return p.parse_args(argv)


def weighted(cpu_ms, weights=None):
    """{kind: [CPU ms of each address]} -> each kind's mean and share of the mix's CPU, and
    the mean CPU ms of one mixed request (kinds with no addresses or no weight left out)."""
    weights = WEIGHTS if weights is None else weights
    kinds = [k for k in weights if cpu_ms.get(k) and weights[k] > 0]
    total_weight = sum(weights[k] for k in kinds)
    means = {k: statistics.fmean(cpu_ms[k]) for k in kinds}
    per_request = sum(weights[k] * means[k] for k in kinds) / total_weight if kinds else None
    rows = {
        k: {
            "weight": weights[k],
            "urls": len(cpu_ms[k]),
            "mean_cpu_ms": round(means[k], 1),
            "max_cpu_ms": round(max(cpu_ms[k]), 1),
            "share_of_cpu": round(weights[k] * means[k] / total_weight / per_request, 3),
        }
        for k in kinds
    }
    return {
        "kinds": rows,
        "cpu_ms_per_request": round(per_request, 1) if per_request else None,
        "requests_per_core_second": round(1000 / per_request, 1) if per_request else None,
    }


def main(argv=None):
    args = parse_args(argv)
    setup_in_process(args.database_url, "bench.mix_cpu")
    from django.test import Client

    from bench import mix_urls, workload
    from bench.pages import measure

    w = workload.build()
    if args.kinds:
        keep = set(args.kinds.split(","))
        w.requests = [r for r in w.requests if r.kind in keep]
    pools = mix_urls.pools(w, seed=args.seed)
    client = Client(HTTP_HOST=servers.LOOPBACK)
    load_at_start = os.getloadavg()
    cpu_ms, statuses = {}, {}
    for kind, paths in pools.items():
        for path in paths:
            _, cpu, _, _, _ = measure(client, path, args.times)
            cpu_ms.setdefault(kind, []).append(statistics.median(cpu) * 1000)
            statuses[path] = client.get(path).status_code
    report = weighted(cpu_ms)
    report.update(
        load_average=[load_at_start, os.getloadavg()],
        corpus=w.notes,
        seed=args.seed,
        not_200={p: s for p, s in statuses.items() if s != 200},
        cpu_ms=cpu_ms,
    )
    with open(args.out, "w") as f:
        json.dump(report, f, indent=1)
    loads = [" ".join(f"{x:.2f}" for x in load) for load in report["load_average"]]
    print(f"load average {loads[0]} at the start, {loads[1]} at the end")
    print(f"{'kind':15} {'weight':>6} {'URLs':>5} {'mean CPU':>8} {'max CPU':>8} {'share':>6}")
    for kind, row in report["kinds"].items():
        print(
            f"{kind:15} {row['weight']:6} {row['urls']:5} {row['mean_cpu_ms']:8} "
            f"{row['max_cpu_ms']:8} {row['share_of_cpu']:6}"
        )
    print(
        f"a mixed request: {report['cpu_ms_per_request']} ms of CPU, "
        f"{report['requests_per_core_second']} requests per second per core; "
        f"answers other than 200: {report['not_200'] or 'none'}; wrote {args.out}"
    )


if __name__ == "__main__":
    main()
