"""Similar-report search at scale: build time, per-query latency and memory of SimilarityIndex.

    .venv/bin/python bench/similarity.py [--reports 1000000] [--queries 100] [--database-url ... --from-db]

By default the texts are made in memory with the generator's own recipe (recombined seed sentences per
incident type, the same texts `safelearn demo --reports N` stores), so no database is needed. With
``--from-db`` it reads the approved de-identified copies from the database instead (e.g. a database
filled by ``safelearn demo --reports 1000000``; pass it with --database-url, it is not modified).
Target: under 200 ms per query at 1,000,000 reports.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import os
import pstats
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import ROOT, Timer, bench_env, db_label, peak_rss_mb, percentiles, report, table


def _texts_in_memory(n: int, seed: int) -> list[tuple[str, str]]:
    from safelearn.demo.generator import _sentence_pools

    rng = random.Random(seed)
    pools = _sentence_pools()
    kinds = sorted(pools)
    out = []
    for i in range(n):
        pool = pools[rng.choice(kinds)]
        out.append((str(i), " ".join(rng.sample(pool, min(len(pool), rng.randint(3, 6))))))
    return out


def _texts_from_db(limit: int) -> list[tuple[str, str]]:
    from safelearn.privacy.models import DeidentifiedCopy

    qs = DeidentifiedCopy.objects.filter(status="approved").values_list("id", "text")
    return [(str(i), t) for i, t in qs[:limit].iterator(chunk_size=20_000)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--reports", type=int, default=1_000_000)
    parser.add_argument("--queries", type=int, default=100)
    parser.add_argument("--from-db", action="store_true", help="index approved copies from --database-url")
    parser.add_argument("--database-url", default=os.environ.get("DATABASE_URL", ""))
    parser.add_argument("--no-results", action="store_true")
    parser.add_argument("--profile", action="store_true", help="cProfile the queries and add the summary")
    opts = parser.parse_args()

    url = opts.database_url if opts.from_db else f"sqlite:///{ROOT / 'var' / 'bench' / 'unused.sqlite3'}"
    os.environ.update(bench_env(url))
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from safelearn.learning.engine.similarity import SimilarityIndex

    base = peak_rss_mb(os.getpid())
    with Timer() as load:
        items = _texts_from_db(opts.reports) if opts.from_db else _texts_in_memory(opts.reports, seed=7)
    source = f"{db_label(url)} approved copies" if opts.from_db else "generator texts in memory"
    print(f"{len(items):,} texts from {source} in {load.seconds:.0f} s")
    cpu0 = time.process_time()
    with Timer() as build:
        index = SimilarityIndex.build(items)
    build_cpu = time.process_time() - cpu0
    after_build = peak_rss_mb(os.getpid())
    rng = random.Random(11)
    probes = [items[rng.randrange(len(items))] for _ in range(opts.queries)]
    latencies, cpu_times = [], []
    prof = cProfile.Profile() if opts.profile else None
    for pid, text in probes:
        start, cpu_start = time.perf_counter(), time.process_time()
        if prof:
            prof.runcall(index.query, text, k=5, exclude_id=pid)
        else:
            index.query(text, k=5, exclude_id=pid)
        latencies.append(time.perf_counter() - start)
        cpu_times.append(time.process_time() - cpu_start)
    profile_text = ""
    if prof:
        out = io.StringIO()
        pstats.Stats(prof, stream=out).sort_stats("tottime").print_stats(12)
        profile_text = "\n".join(line for line in out.getvalue().splitlines() if line.strip())
        print(profile_text)
    p50, p95, p99 = percentiles(latencies)
    dense_mb = index.dense.nbytes / 2**20 if index.dense is not None else 0.0
    sparse_mb = (
        (index.matrix.data.nbytes + index.matrix.indices.nbytes + index.matrix.indptr.nbytes) / 2**20
        if index.matrix is not None
        else 0.0
    )
    rows = [
        ("reports indexed", len(index)),
        ("build, wall s", build.seconds),
        ("build, CPU s", build_cpu),
        ("query p50 ms", p50 * 1000),
        ("query p95 ms", p95 * 1000),
        ("query p99 ms", p99 * 1000),
        ("query CPU ms p50 (what an idle core would take)", percentiles(cpu_times)[0] * 1000),
        ("dense LSA matrix MB", dense_mb),
        ("sparse TF-IDF matrix MB", sparse_mb),
        ("process peak RSS MB (VmHWM)", peak_rss_mb(os.getpid())),
        ("peak RSS before build MB", base),
        ("peak RSS after build MB", after_build),
    ]
    body = table(["measure", "value"], rows)
    body += f"\n\nTexts: {source}; {opts.queries} queries of indexed texts (k=5, excluding itself). Target < 200 ms. "
    body += f"BLAS threads: OPENBLAS_NUM_THREADS={os.environ.get('OPENBLAS_NUM_THREADS', 'unset (one per core)')}."
    if profile_text:
        body += "\n\nProfile of the queries (cProfile, by own time; timings above include profiler overhead):\n\n```\n"
        body += profile_text + "\n```"
    report(
        f"similar-report search, {len(index):,} reports",
        f"python bench/similarity.py --reports {opts.reports}" + (" --from-db" if opts.from_db else ""),
        body,
        opts.no_results,
    )


if __name__ == "__main__":
    main()
