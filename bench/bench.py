#!/usr/bin/env python3
"""Whole-process throughput and memory of the timeline program, side by side with chrono-node.

Usage: bench.py --timeline BUILD/timeline [--work DIR] [--silver DIR] [--runs N]

What it does, in order:
  1. installs chrono-node into bench/node_modules from the committed lock (npm ci), once;
  2. turns the TempEval-3 silver corpus (../shared/data/te3-silver, 2,452 TimeML articles) into
     JSON Lines once (make_corpus.py): the texts and publication dates both programs read;
  3. checks the outputs once (not timed): one line per article, and --jobs 2 byte-identical to
     --jobs 1;
  4. runs every configuration N times, alternating (round r runs all of them once), each as a
     whole process under GNU time for its peak resident memory, and takes the median wall time;
  5. prints a table (MB/s of article text, documents/s, peak RSS, ratio to chrono-node) and the
     acceptance checks, and writes both to WORK/results.md and WORK/results.json.

Exit status: 0 when every check passes, 1 when one fails, 2 when something needed is missing.
"""
import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(HERE)
GNU_TIME = "/usr/bin/time"


def die(message, code=2):
    sys.stderr.write(f"bench: {message}\n")
    sys.exit(code)


def machine():
    model = "unknown"
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("model name"):
                    model = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    node = subprocess.run(["node", "--version"], capture_output=True, text=True).stdout.strip()
    with open(os.path.join(HERE, "node_modules", "chrono-node", "package.json")) as f:
        chrono = json.load(f)["version"]
    commit = subprocess.run(["git", "-C", REPO, "describe", "--always", "--dirty"],
                            capture_output=True, text=True).stdout.strip() or "unknown"
    return {"commit": commit, "nproc": os.cpu_count(), "cpu": model, "kernel": platform.release(),
            "node": node, "chrono-node": chrono,
            "date": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime())}


def ensure_chrono():
    if os.path.exists(os.path.join(HERE, "node_modules", "chrono-node", "package.json")):
        return
    if not shutil.which("npm"):
        die("npm is missing (run: .ci/install-deps bench)")
    subprocess.run(["npm", "ci", "--no-audit", "--no-fund", "--silent"], cwd=HERE, check=True)


def measure(cmd, stdin_path=None, stdout_path=os.devnull):
    """Runs `cmd` once. Returns (wall seconds, cpu seconds, peak RSS in KiB, exit code, stderr)."""
    with tempfile.NamedTemporaryFile("r", suffix=".time") as tf, \
            tempfile.TemporaryFile("w+") as err:
        full = [GNU_TIME, "-f", "%M %U %S", "-o", tf.name] + cmd
        stdin = open(stdin_path, "rb") if stdin_path else subprocess.DEVNULL
        with open(stdout_path, "wb") as out:
            start = time.perf_counter()
            rc = subprocess.run(full, stdin=stdin, stdout=out, stderr=err).returncode
            wall = time.perf_counter() - start
        if stdin_path:
            stdin.close()
        fields = tf.read().split()
        err.seek(0)
        # GNU time reports "Command exited with non-zero status N" before its own line.
        rss, user, sys_ = int(fields[-3]), float(fields[-2]), float(fields[-1])
        return wall, user + sys_, rss, rc, err.read()


def count_lines(path):
    with open(path, "rb") as f:
        return sum(1 for _ in f)


def sanity(timeline, work, corpus, docs):
    """Untimed: each command gives one line per article, the same bytes for --jobs 1 and 2."""
    problems = []
    for cmd in ("tag", "extract"):
        outs = []
        for jobs in (1, 2):
            out = os.path.join(work, f"{cmd}-jobs{jobs}.jsonl")
            _, _, _, rc, err = measure([timeline, cmd, corpus, "--jobs", str(jobs)],
                                       stdout_path=out)
            if rc != 0:
                problems.append(f"timeline {cmd} --jobs {jobs} exited {rc}: {err.strip()[:300]}")
            outs.append(out)
        n = count_lines(outs[0])
        if n != docs:
            problems.append(f"timeline {cmd}: {n} output lines for {docs} articles")
        with open(outs[0], "rb") as a, open(outs[1], "rb") as b:
            if a.read() != b.read():
                problems.append(f"timeline {cmd}: --jobs 2 output differs from --jobs 1")
    return problems


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--timeline", required=True, help="the built timeline program")
    ap.add_argument("--work", default=os.path.join(REPO, "build", "bench"))
    ap.add_argument("--silver", default=os.path.join(REPO, "..", "shared", "data", "te3-silver"))
    ap.add_argument("--runs", type=int, default=5)
    args = ap.parse_args()

    timeline = os.path.abspath(args.timeline)
    if not os.access(timeline, os.X_OK):
        die(f"{timeline} is not built (run: make build)")
    if not os.access(GNU_TIME, os.X_OK) or not shutil.which("node"):
        die("GNU time or node is missing (run: .ci/install-deps bench)")
    if not os.path.isdir(args.silver):
        die(f"{args.silver} is absent: the benchmark needs the TempEval-3 silver corpus "
            "(see ../shared/data/README.md)")
    ensure_chrono()
    work = os.path.abspath(args.work)
    os.makedirs(work, exist_ok=True)
    subprocess.run([sys.executable, os.path.join(HERE, "make_corpus.py"), args.silver, work],
                   check=True)
    with open(os.path.join(work, "corpus.stats")) as f:
        docs, text_bytes = (int(x) for x in f.read().split())
    corpus = os.path.join(work, "corpus.jsonl")
    corpus10 = os.path.join(work, "corpus10.jsonl")
    long1 = os.path.join(work, "long1.jsonl")
    long10 = os.path.join(work, "long10.jsonl")
    long_bytes = {}
    for name, path in (("long1", long1), ("long10", long10)):
        with open(path, encoding="utf-8") as f:
            long_bytes[name] = len(json.loads(f.readline())["text"].encode("utf-8"))

    problems = sanity(timeline, work, corpus, docs)
    for p in problems:
        sys.stderr.write(f"bench: {p}\n")

    chrono_js = os.path.join(HERE, "chrono_tag.js")
    # name: (command, stdin, documents, text bytes)
    configs = {
        "chrono-node": (["node", chrono_js, corpus], None, docs, text_bytes),
        "tag --jobs 1": ([timeline, "tag", corpus, "--jobs", "1"], None, docs, text_bytes),
        "tag --jobs 2": ([timeline, "tag", corpus, "--jobs", "2"], None, docs, text_bytes),
        "extract --jobs 1": ([timeline, "extract", corpus, "--jobs", "1"], None, docs, text_bytes),
        "extract --jobs 2": ([timeline, "extract", corpus, "--jobs", "2"], None, docs, text_bytes),
        "tag, stdin, corpus x1": ([timeline, "tag", "-"], corpus, docs, text_bytes),
        "tag, stdin, corpus x10": ([timeline, "tag", "-"], corpus10, docs * 10, text_bytes * 10),
        "tag, one 1 MB document": ([timeline, "tag", long1], None, 1, long_bytes["long1"]),
        "tag, one 10 MB document": ([timeline, "tag", long10], None, 1, long_bytes["long10"]),
    }
    samples = {name: [] for name in configs}
    load_before = os.getloadavg()[0]
    for r in range(args.runs):
        for name, (cmd, stdin, _, _) in configs.items():
            wall, cpu, rss, rc, err = measure(cmd, stdin_path=stdin)
            if rc not in (0, 1):
                die(f"{name}: exited {rc}: {err.strip()[:300]}", 1)
            samples[name].append((wall, cpu, rss))
        sys.stderr.write(f"bench: round {r + 1}/{args.runs} done\n")
    load_after = os.getloadavg()[0]

    rows = {}
    for name, (_, _, n, nbytes) in configs.items():
        walls = [s[0] for s in samples[name]]
        wall = statistics.median(walls)
        rows[name] = {
            "documents": n, "text_bytes": nbytes, "runs": len(walls),
            "wall_s": wall, "wall_min_s": min(walls), "wall_max_s": max(walls),
            "cpu_s": statistics.median(s[1] for s in samples[name]),
            "rss_kib": max(s[2] for s in samples[name]),
            "mb_per_s": nbytes / 1e6 / wall, "docs_per_s": n / wall,
        }
    chrono = rows["chrono-node"]["wall_s"]
    chrono_cpu = rows["chrono-node"]["cpu_s"]
    for name in ("chrono-node", "tag --jobs 1", "tag --jobs 2", "extract --jobs 1",
                 "extract --jobs 2", "tag, stdin, corpus x1", "tag, stdin, corpus x10"):
        scale = rows[name]["text_bytes"] / text_bytes
        rows[name]["x_chrono"] = chrono / rows[name]["wall_s"] * scale
        rows[name]["x_chrono_cpu"] = chrono_cpu / rows[name]["cpu_s"] * scale

    def w(name):
        return rows[name]["wall_s"]

    def rss(name):
        return rows[name]["rss_kib"]

    # The memory limit is for corpora (many articles of ordinary length); the single long
    # documents are there for the linearity check, and their RSS is shown in the table.
    corpus_runs = [n for n in configs if n != "chrono-node" and "one " not in n]
    checks = [
        ("tagging >= 25x chrono-node (one thread)", rows["tag --jobs 1"]["x_chrono"], ">=", 25),
        ("full pipeline >= 10x chrono-node (one thread)", rows["extract --jobs 1"]["x_chrono"],
         ">=", 10),
        ("tag: --jobs 2 >= 1.7x faster than --jobs 1", w("tag --jobs 1") / w("tag --jobs 2"),
         ">=", 1.7),
        ("extract: --jobs 2 >= 1.7x faster than --jobs 1",
         w("extract --jobs 1") / w("extract --jobs 2"), ">=", 1.7),
        ("peak RSS < 64 MB (every timeline run on a corpus, MiB)",
         max(rss(n) for n in corpus_runs) / 1024, "<", 64),
        ("RSS: corpus x10 within 10% of x1 (ratio)",
         rss("tag, stdin, corpus x10") / rss("tag, stdin, corpus x1"), "<=", 1.10),
        ("time: corpus x10 within 11x of x1 (ratio)",
         w("tag, stdin, corpus x10") / w("tag, stdin, corpus x1"), "<=", 11),
        ("time: 10 MB document within ~10x of 1 MB (ratio, limit 11)",
         w("tag, one 10 MB document") / w("tag, one 1 MB document"), "<=", 11),
    ]
    ops = {">=": lambda a, b: a >= b, "<": lambda a, b: a < b, "<=": lambda a, b: a <= b}
    results = [(label, value, op, limit, ops[op](value, limit)) for label, value, op, limit in checks]

    info = machine()
    lines = [
        f"Measured {info['date']} at commit {info['commit']} on {info['nproc']} x {info['cpu']} (Linux {info['kernel']}), "
        f"node {info['node']}, chrono-node {info['chrono-node']}; median of {args.runs} "
        f"alternating runs; load average {load_before:.2f} before, {load_after:.2f} after.",
        f"Corpus: TempEval-3 silver, {docs} articles, {text_bytes / 1e6:.2f} MB of text.",
        "",
        "| run | documents | MB of text | median wall s | MB/s | documents/s | peak RSS MiB "
        "| x chrono-node | CPU s | x chrono-node by CPU |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for name, row in rows.items():
        ratio = f"{row['x_chrono']:.2f}" if "x_chrono" in row else ""
        ratio_cpu = f"{row['x_chrono_cpu']:.2f}" if "x_chrono_cpu" in row else ""
        lines.append(f"| {name} | {row['documents']} | {row['text_bytes'] / 1e6:.2f} | "
                     f"{row['wall_s']:.3f} | {row['mb_per_s']:.2f} | {row['docs_per_s']:.0f} | "
                     f"{row['rss_kib'] / 1024:.1f} | {ratio} | {row['cpu_s']:.2f} | {ratio_cpu} |")
    lines += ["", "| check | measured | limit | |", "|---|---:|---:|---|"]
    for label, value, op, limit, ok in results:
        lines.append(f"| {label} | {value:.2f} | {op} {limit} | {'pass' if ok else 'FAIL'} |")
    for p in problems:
        lines.append(f"\nOutput check: {p}")
    report = "\n".join(lines) + "\n"
    print(report)
    with open(os.path.join(work, "results.md"), "w") as f:
        f.write(report)
    with open(os.path.join(work, "results.json"), "w") as f:
        json.dump({"machine": info, "load_before": load_before, "load_after": load_after,
                   "rows": rows, "samples": samples, "output_problems": problems,
                   "checks": [{"check": c[0], "value": c[1], "op": c[2], "limit": c[3],
                               "pass": c[4]} for c in results]}, f, indent=2)
    return 0 if all(r[4] for r in results) and not problems else 1


if __name__ == "__main__":
    sys.exit(main())
