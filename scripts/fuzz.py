#!/usr/bin/env python3
"""Mutation fuzzing of pdf2struct through its own batch isolation.

Each case is a fixture (or a committed fault case) changed by one to three mutations — bit
flips, a truncation, a duplicated byte range, a deleted byte range, random bytes over a range,
a number replaced by an extreme one — chosen by a generator seeded with (seed, case number), so
every case can be made again from its number. Cases are converted in batches by the binary
itself (worker processes, --timeout), and its --report tells what became of each one:

  converted, or failed cleanly (damaged, not a PDF...)  fine
  crashed (a worker died by a signal)                    finding
  timed_out (a worker passed --timeout)                  finding
  internal_error, or a case missing from the report      finding
  the batch process itself failing (status not 0/1/3)    finding

Findings are copied to --findings with the mutations that made them. The exit status is 1 when
there is any finding, so `make test` (a fixed seed, 300 cases) fails on a regression; `make fuzz`
runs a long campaign with a fresh seed and prints the counts.

  python3 scripts/fuzz.py --binary .build/debug/pdf2struct --seed 7 --cases 300
  python3 scripts/fuzz.py --binary .build/release/pdf2struct --cases 20000 --batch 500
"""
import argparse
import json
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import time
from collections import Counter

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
FINDING_KINDS = {"crashed", "timed_out", "internal_error"}
EXTREME_NUMBERS = [b"0", b"-1", b"1", b"65535", b"65536", b"2147483647", b"2147483648", b"4294967295",
                   b"99999999999999999999", b"-2147483648", b"1e308", b"3.4e38", b"0.0000001"]


def seeds(extra_folders, work):
    """The files mutated: every fixture PDF and every committed fault case, each also rewritten
    by qpdf with uncompressed streams (when qpdf is there), so that mutations reach content
    streams, fonts and glyph positions instead of only breaking Flate data."""
    paths = []
    for folder in [os.path.join(ROOT, "fixtures")] + extra_folders:
        if os.path.isdir(folder):
            paths += [os.path.join(folder, name) for name in sorted(os.listdir(folder)) if name.lower().endswith(".pdf")]
    found = [(os.path.relpath(path, ROOT), open(path, "rb").read()) for path in paths]
    if shutil.which("qpdf"):
        for path in paths:
            target = os.path.join(work, "qdf-" + os.path.basename(path))
            made = subprocess.run(["qpdf", "--qdf", "--object-streams=disable", path, target], capture_output=True)
            if made.returncode in (0, 3) and os.path.exists(target):
                found.append(("qdf:" + os.path.relpath(path, ROOT), open(target, "rb").read()))
    return found


def mutate(data, rng):
    """`data` changed by one to three mutations, and their descriptions."""
    data = bytearray(data)
    done = []
    for _ in range(rng.choice([1, 1, 1, 2, 2, 3])):
        kind = rng.choice(["bitflip", "truncate", "duplicate", "delete", "random", "number", "number"])
        size = len(data)
        if size == 0:
            break
        if kind == "bitflip":
            count = rng.randint(1, 32)
            for _ in range(count):
                position = rng.randrange(size)
                data[position] ^= 1 << rng.randrange(8)
            done.append(f"bitflip x{count}")
        elif kind == "truncate":
            cut = rng.randrange(size)
            del data[cut:]
            done.append(f"truncate at {cut}")
        elif kind == "duplicate":
            start = rng.randrange(size)
            length = min(size - start, rng.randint(1, 4096))
            target = rng.randrange(size + 1)
            data[target:target] = data[start:start + length]
            done.append(f"duplicate {start}+{length} at {target}")
        elif kind == "delete":
            start = rng.randrange(size)
            length = min(size - start, rng.randint(1, 4096))
            del data[start:start + length]
            done.append(f"delete {start}+{length}")
        elif kind == "random":
            start = rng.randrange(size)
            length = min(size - start, rng.randint(1, 512))
            data[start:start + length] = bytes(rng.randrange(256) for _ in range(length))
            done.append(f"random {start}+{length}")
        else:
            numbers = [m.span() for m in re.finditer(rb"-?\d+(\.\d+)?", bytes(data[:200_000]))]
            if not numbers:
                continue
            start, end = rng.choice(numbers)
            value = rng.choice(EXTREME_NUMBERS)
            data[start:end] = value
            done.append(f"number {start} -> {value.decode()}")
    return bytes(data), done


def run_batch(binary, folder, out, report, jobs, timeout):
    command = [binary, folder, "-o", out, "--format", "json", "-q", "-j", str(jobs), "--timeout", str(timeout),
               "--report", report]
    started = time.time()
    process = subprocess.run(command, capture_output=True, text=True, errors="replace")
    return process, time.time() - started


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--binary", default=os.path.join(ROOT, ".build/release/pdf2struct"))
    parser.add_argument("--seed", type=int, default=None, help="default: a fresh one, printed")
    parser.add_argument("--cases", type=int, default=300)
    parser.add_argument("--seconds", type=float, default=0, help="stop starting batches after this long (0: no limit)")
    parser.add_argument("--batch", type=int, default=150, help="cases per batch run")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 2)
    parser.add_argument("--timeout", type=float, default=30, help="seconds before a case counts as a hang")
    parser.add_argument("--findings", default=os.path.join(ROOT, ".build/fuzz/findings"))
    args = parser.parse_args()

    seed = args.seed if args.seed is not None else int(time.time())
    work = tempfile.mkdtemp(prefix="pdf2struct-fuzz-")
    bases = seeds([os.path.join(ROOT, "fixtures", "faults")], work)
    print(f"fuzz: seed {seed}, {args.cases} cases from {len(bases)} seed files, batches of {args.batch}, "
          f"-j {args.jobs}, --timeout {args.timeout:g} s", flush=True)
    outcomes = Counter()
    findings = []
    started = time.time()
    case = 0
    try:
        while case < args.cases and not (args.seconds and time.time() - started > args.seconds):
            folder = os.path.join(work, "cases")
            shutil.rmtree(folder, ignore_errors=True)
            shutil.rmtree(os.path.join(work, "out"), ignore_errors=True)
            os.makedirs(folder)
            made = {}
            for number in range(case, min(args.cases, case + args.batch)):
                rng = random.Random(f"{seed}-{number}")
                name, data = rng.choice(bases)
                mutated, how = mutate(data, rng)
                path = os.path.join(folder, f"case-{number:07d}.pdf")
                with open(path, "wb") as handle:
                    handle.write(mutated)
                made[path] = (name, how)
            report_path = os.path.join(work, "report.json")
            if os.path.exists(report_path):
                os.remove(report_path)
            process, seconds = run_batch(args.binary, folder, os.path.join(work, "out"), report_path, args.jobs, args.timeout)
            if process.returncode not in (0, 1, 3):
                message = f"batch: the batch process ended with status {process.returncode}: {process.stderr[-500:]}"
                findings.append(("batch", message))
                print(f"FINDING {message}", flush=True)
            records = {}
            if os.path.exists(report_path):
                records = {record["input"]: record for record in json.load(open(report_path))["files"]}
            for path, (name, how) in made.items():
                record = records.get(path)
                kind = "missing_from_report" if record is None else (record["error_kind"] or record["status"])
                outcomes[kind] += 1
                if record is None or kind in FINDING_KINDS:
                    message = f"{kind}: {record['error'] if record else 'not in the report'} [{name}: {'; '.join(how)}]"
                    findings.append((path, message))
                    print(f"FINDING {os.path.basename(path)}: {message}", flush=True)
                    os.makedirs(args.findings, exist_ok=True)
                    target = os.path.join(args.findings, f"seed{seed}-{os.path.basename(path)}")
                    shutil.copy(path, target)
                    with open(target + ".txt", "w") as handle:
                        handle.write(f"seed {seed}\n{message}\n")
            case += len(made)
            rate = len(made) / seconds if seconds else 0
            print(f"  cases {case}/{args.cases}: {dict(sorted(outcomes.items()))} ({rate:.1f} cases/s)", flush=True)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    crashes = sum(1 for _, message in findings if message.startswith("crashed"))
    hangs = sum(1 for _, message in findings if message.startswith("timed_out"))
    print(f"fuzz: {case} cases in {time.time() - started:.0f} s; {crashes} crashes, {hangs} hangs, "
          f"{len(findings) - crashes - hangs} other findings" + (f" (copied to {args.findings})" if findings else ""))
    sys.exit(1 if findings else 0)


if __name__ == "__main__":
    main()
