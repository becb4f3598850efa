#!/usr/bin/env python3
"""Extraction speed of factlint beside ripgrep (and textlint, if installed).

Run through bench/run.sh; see bench/README.md for what each row measures.
Every contender of a row is run in turn, round after round, so that load
from other processes on a shared machine falls on all of them alike; the
table gives the median round. CPU time is user + system of the process and
its children (os.wait4), which a busy machine inflates far less than wall
time.
"""

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
SHARED = ROOT.parent / "shared" / "bench"


def run(cmd, ok=(0, 1)):
    """Runs `cmd` with output discarded; returns (wall s, CPU s, peak RSS MB)."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    code = os.waitstatus_to_exitcode(status)
    err = proc.stderr.read().decode(errors="replace")
    proc.stderr.close()
    if code not in ok:
        sys.exit(f"`{' '.join(map(str, cmd))}` failed with exit code {code}:\n{err}")
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024


def rounds(contenders, n):
    """Runs each named command once per round, interleaved; median per name."""
    seen = {name: [] for name in contenders}
    for _ in range(n):
        for name, cmd in contenders.items():
            seen[name].append(run(cmd))
    return {
        name: tuple(statistics.median(x[i] for x in results) for i in range(3))
        for name, results in seen.items()
    }


def corpus_bytes(folder):
    return sum(p.stat().st_size for p in Path(folder).iterdir() if p.suffix in (".txt", ".md"))


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--factlint", required=True)
    ap.add_argument("--corpora", required=True, type=Path)
    ap.add_argument("--size", type=int, default=10000, help="the large corpus (articles)")
    ap.add_argument("--rounds", type=int, default=3)
    args = ap.parse_args()

    fl = args.factlint
    big = args.corpora / str(args.size)
    small = args.corpora / "1000"
    mb_big, mb_small = corpus_bytes(big) / 1e6, corpus_bytes(small) / 1e6
    off = HERE / "extraction-only.toml"
    work = Path(tempfile.mkdtemp(prefix="factlint-bench-"))
    rows = []

    def row(what, name, wall, cpu, rss, mb, note=""):
        rows.append((what, name, wall, cpu, mb / cpu if cpu else 0, mb / wall, rss, note))
        print(f"  {what}: {name}: {wall:.2f} s wall, {cpu:.2f} s CPU", file=sys.stderr)

    # 1. The same 54 regexes as ripgrep, quotations and figures off.
    print(f"== rules54 on {args.size} articles", file=sys.stderr)
    same = {
        "factlint": [fl, "--config", off, "--rules", SHARED / "rules54.toml", "--format", "short", big],
    }
    rg = shutil.which("rg")
    if rg:
        same["ripgrep -j1"] = [rg, "-j1", "-o", "--no-filename", "-f", SHARED / "rg-patterns.txt", big]
    textlint = shutil.which("textlint")
    if textlint:
        rule = work / "textlint-rules"
        rule.mkdir()
        pats = (SHARED / "rg-patterns.txt").read_text().splitlines()
        (rule / "facts.js").write_text(textlint_rule(pats))
        same["textlint"] = [textlint, "--rulesdir", rule, "--format", "unix", big]
    for name, (wall, cpu, rss) in rounds(same, args.rounds).items():
        row(f"rules54, {args.size} articles", name, wall, cpu, rss, mb_big)

    # 2. The project's own rules, extraction only, then everything on.
    print(f"== rules/ on {args.size} articles", file=sys.stderr)
    own = [fl, "--rules", ROOT / "rules", "--format", "short"]
    wall, cpu, rss = rounds({"x": own[:1] + ["--config", off] + own[1:] + [big]}, args.rounds)["x"]
    row(f"rules/, {args.size} articles, quotes+figures off", "factlint", wall, cpu, rss, mb_big)
    wall, cpu, rss = rounds({"x": own + [small]}, 1)["x"]
    row("rules/, 1000 articles, everything on", "factlint", wall, cpu, rss, mb_small)

    # 3. No ceiling: 1,000 facts x 5 patterns, load and scan.
    print("== 1,000 facts", file=sys.stderr)
    many = work / "many.toml"
    subprocess.run([sys.executable, HERE / "many_rules.py", "1000", many], check=True)
    one = work / "one"
    one.mkdir()
    shutil.copy(next(p for p in sorted(small.iterdir()) if p.suffix == ".txt"), one)
    load = rounds({"x": [fl, "--config", off, "--rules", many, one]}, args.rounds)["x"]
    row("1,000 facts x 5 patterns, load (1 article)", "factlint", *load, 0.0)
    scans = rounds(
        {
            "18 facts": [fl, "--config", off, "--rules", ROOT / "rules", "--format", "short", small],
            "1,000 facts": [fl, "--config", off, "--rules", many, "--format", "short", small],
        },
        args.rounds,
    )
    for name, (wall, cpu, rss) in scans.items():
        row(f"{name}, 1000 articles, quotes+figures off", "factlint", wall, cpu, rss, mb_small)
    ratio = scans["18 facts"][1] / scans["1,000 facts"][1]

    # 4. Start-up: the five-article corpus, as an editor check runs it.
    print("== start-up", file=sys.stderr)
    startup_cmd = [str(fl), "--rules", str(ROOT / "rules"), str(ROOT / "corpus")]
    hyperfine = shutil.which("hyperfine")
    if hyperfine:
        out = work / "hyperfine.json"
        subprocess.run(
            [hyperfine, "-N", "--warmup", "3", "--runs", "30", "-i", "--export-json", out,
             " ".join(startup_cmd)],
            check=True, stdout=subprocess.DEVNULL,
        )
        result = json.loads(out.read_text())["results"][0]
        startup = (result["median"], result["user"] + result["system"], 0.0)
        how = "hyperfine median of 30"
    else:
        startup = rounds({"x": startup_cmd}, 15)["x"]
        how = "median of 15 (hyperfine not installed)"
    row("start-up, corpus/ (5 articles), everything on", "factlint", *startup, 0.0, how)

    print_table(rows, args, ratio, mb_big)
    shutil.rmtree(work, ignore_errors=True)


def textlint_rule(patterns):
    """A textlint rule reporting every match of the 54 regexes, as factlint
    and ripgrep do."""
    regexes = ",\n".join("  new RegExp(" + json.dumps(js_regex(p)) + ", 'gu')" for p in patterns)
    return (
        "const res = [\n" + regexes + "\n];\n"
        "module.exports = (context) => ({\n"
        "  [context.Syntax.Document](node) {\n"
        "    const text = context.getSource(node);\n"
        "    for (const re of res) for (const m of text.matchAll(re))\n"
        "      context.report(node, new context.RuleError(m[0], { index: m.index }));\n"
        "  },\n"
        "});\n"
    )


def js_regex(pattern):
    """The rg patterns in JavaScript syntax: ASCII word boundaries are
    JavaScript's own, and an inline (?i:…) group becomes plain grouping
    (the matches differ in case only, which costs the same)."""
    return pattern.replace("(?-u:\\b)", "\\b").replace("(?i:", "(?:")


def print_table(rows, args, ratio, mb_big):
    print(f"\nfactlint speed ({args.rounds} interleaved rounds, median; "
          f"{args.size} articles = {mb_big:.1f} MB; {os.cpu_count()} cores)\n")
    print("| run | program | wall s | CPU s | MB per CPU-s | MB/s wall | peak RSS MB | note |")
    print("|---|---|---|---|---|---|---|---|")
    for what, name, wall, cpu, per_cpu, per_wall, rss, note in rows:
        # Rows with no corpus to speak of (load, start-up) have no rate.
        rate = f"{per_cpu:.2f} | {per_wall:.2f}" if per_wall else "— | —"
        memory = f"{rss:.0f}" if rss else "—"
        print(f"| {what} | {name} | {wall:.3f} | {cpu:.3f} | {rate} | {memory} | {note} |")
    print(f"\n1,000-fact scan speed is {100 * ratio:.0f}% of the 18-fact speed (CPU).")


if __name__ == "__main__":
    main()
