#!/usr/bin/python3
"""Checks a large NDJSON record file with sanctions-check on a Dask cluster.

The file is cut into partitions of whole lines; each worker pipes its partition through
`sanctions-check check - --format ndjson --stdin-name NAME --line-offset N` and returns the
findings and the problems the tool reported. A second pass, also on the workers, finds record ids
used in more than one partition (each run sees its own partition only). The findings, problems and
exit code are then put together exactly as one run over the whole file gives them:

    sanctions-check check RECORDS.ndjson --format ndjson [--skip-invalid] [--fail-on LEVEL]

Findings go to standard output, problems to standard error, and the exit code is the tool's:
0, 1 (a finding reaches --fail-on) or 2 (invalid input). Usage:

    /usr/bin/python3 check_ndjson.py RECORDS.ndjson [--scheduler tcp://HOST:8786 | --local-workers N]
        [--lines-per-partition N] [--skip-invalid] [--fail-on violation|review|none] [--rules PATH]...
        [--command "sanctions-check"] [--name NAME]

The workers read their partition from RECORDS.ndjson at the same path (shared storage) and run
`--command` (default `sanctions-check`, found on their PATH). The job's own code travels with its
tasks: the workers need Dask and the tool, not this file.
"""
import argparse
import json
import operator
import os
import re
import shlex
import subprocess
import sys
import tempfile
import zlib

import cloudpickle
from dask.distributed import Client, LocalCluster

# The workers unpickle the job's functions by value, so they need not import this file.
if __name__ != "__main__":
    cloudpickle.register_pickle_by_value(sys.modules[__name__])

# The tool lists at most this many problems of a file (src/diagnostics/diagnostic.ts).
MAX_PROBLEMS = 500
# Control characters in a diagnostic are shown escaped, as the tool's terminalSafe does.
CONTROL = re.compile("[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]")
PROBLEM = re.compile(r"(\d+):(\d+): (warning )?([a-z0-9-]+): ")
SUMMARY = re.compile(r"\d+ invalid record\(s\) skipped$|\d+ error\(s\); ")
RANK = {"none": 0, "exempt": 1, "review": 2, "violation": 3}
FEED_BYTES = 1 << 20


def terminal_safe(text):
    return CONTROL.sub(lambda m: "\\u%04x" % ord(m.group(0)), text)


def display_path(path):
    """The name the tool gives a file on its command line: relative to here when below here."""
    absolute = os.path.abspath(path)
    rel = os.path.relpath(absolute)
    shown = rel if rel != "." and not rel.startswith("..") and not os.path.isabs(rel) else absolute
    return shown.replace(os.sep, "/")


def partitions(path, lines_per_partition):
    """(first byte, end byte, lines before it) of each run of `lines_per_partition` lines."""
    parts = []
    start = 0
    line = 0
    pos = 0
    with open(path, "rb") as f:
        count = 0
        for raw in f:
            pos += len(raw)
            count += 1
            if count == lines_per_partition:
                parts.append((start, pos, line))
                start, line, count = pos, line + count, 0
    if pos > start or not parts:
        parts.append((start, pos, line))
    return parts


def record_id(raw, first_of_file):
    """The record id of a line as JSON.parse would read it, or None."""
    if first_of_file and raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    try:
        value = json.loads(raw)
    except ValueError:
        return None
    if isinstance(value, dict) and isinstance(value.get("id"), str):
        return value["id"]
    return None


def parse_stderr(text, name):
    """Splits the tool's standard error into problems at lines, summary lines and other lines."""
    prefix = terminal_safe(name) + ":"
    problems, summary, other = [], [], []
    for out in text.splitlines():
        m = PROBLEM.match(out, len(prefix)) if out.startswith(prefix) else None
        if m:
            problems.append({"line": int(m.group(1)), "column": int(m.group(2)), "warning": m.group(3) is not None, "code": m.group(4), "text": out})
        elif SUMMARY.match(out):
            summary.append(out)
        else:
            other.append(out)
    return problems, summary, other


def check_partition(path, part, command, name, tool_flags, buckets):
    """Runs the tool on one partition (on a worker). Returns its output and its records' ids by bucket."""
    start, end, offset = part
    args = shlex.split(command) + ["check", "-", "--format", "ndjson", "--stdin-name", name, "--line-offset", str(offset),
                                   "--workers", "1", "--fail-on", "none"] + tool_flags
    ids = []
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        proc = subprocess.Popen(args, stdin=subprocess.PIPE, stdout=out, stderr=err)
        line = offset
        try:
            with open(path, "rb") as f:
                f.seek(start)
                pos = start
                batch = []
                size = 0
                while pos < end:
                    raw = f.readline()
                    if not raw:
                        break
                    pos += len(raw)
                    line += 1
                    found = record_id(raw, line == 1)
                    if found is not None:
                        ids.append((found, line))
                    batch.append(raw)
                    size += len(raw)
                    if size >= FEED_BYTES:
                        proc.stdin.write(b"".join(batch))
                        batch, size = [], 0
                proc.stdin.write(b"".join(batch))
        except BrokenPipeError:
            pass  # the tool stopped reading: its exit code and standard error say why
        finally:
            try:
                proc.stdin.close()
            except BrokenPipeError:
                pass
        code = proc.wait()
        out.seek(0)
        err.seek(0)
        stdout, stderr = out.read().decode("utf-8"), err.read().decode("utf-8")
    problems, summary, other = parse_stderr(stderr, name)
    # Lines the tool found invalid hold no record; a duplicate id is found again across partitions.
    invalid = {p["line"] for p in problems if p["code"] != "duplicate-record-id"}
    by_bucket = [[] for _ in range(buckets)]
    for record, at in ids:
        if at not in invalid:
            by_bucket[zlib.crc32(record.encode("utf-8")) % buckets].append((record, at))
    return {
        "part": part, "code": code, "stdout": stdout, "stderr": stderr, "problems": problems,
        "summary": summary, "other": other, "ids": by_bucket,
    }


def without_ids(result):
    return {k: v for k, v in result.items() if k != "ids"}


def duplicates(bucket_by_partition):
    """The second pass, for one bucket of ids: every use of an id after its first, as (line, id, first line)."""
    first = {}
    found = []
    for ids in bucket_by_partition:
        for record, line in ids:
            if record in first:
                found.append((line, record, first[record]))
            else:
                first[record] = line
    return found


class JobError(Exception):
    pass


def merge(results, dups, name, skip_invalid, fail_on):
    """The output of one run over the whole file, from the partitions' outputs and the duplicates."""
    for r in results:
        if r["code"] not in (0, 2):
            raise JobError("lines %d-: the tool exited with %d:\n%s" % (r["part"][2] + 1, r["code"], r["stderr"]))
        if r["code"] == 2 and not any(s.endswith("no findings were written after the first") for s in r["summary"]):
            return "", r["stderr"], 2  # it failed before reading (rules, flags): as every partition does
        if any(p["code"] == "too-many-problems" for p in r["problems"]):
            raise JobError("lines %d-: more than %d problems in one partition; the merged list would not be exact"
                           % (r["part"][2] + 1, MAX_PROBLEMS))
    dup_at = {line: (record, first) for line, record, first in dups}
    safe_name = terminal_safe(name)
    problems = []
    for i, r in enumerate(results):
        here = [p for p in r["problems"] if p["code"] not in ("duplicate-record-id", "empty-file")]
        offset = r["part"][2]
        last = results[i + 1]["part"][2] if i + 1 < len(results) else float("inf")
        for line in sorted(l for l in dup_at if offset < l <= last):
            record, first = dup_at[line]
            text = "%s:%d:1: %sduplicate-record-id: record id '%s' is already used at %s:%d%s" % (
                safe_name, line, "warning " if skip_invalid else "", record, safe_name, first, " (record skipped)" if skip_invalid else "")
            here.append({"line": line, "column": 1, "warning": skip_invalid, "code": "duplicate-record-id", "text": text})
        here.sort(key=operator.itemgetter("line"))  # stable: a line's problems keep their order
        problems.extend(here)
    if all(any(p["code"] == "empty-file" for p in r["problems"]) for r in results):
        problems.append(next(p for p in results[0]["problems"] if p["code"] == "empty-file"))
    errors = sum(1 for p in problems if not p["warning"])
    first_error = min((p["line"] for p in problems if not p["warning"]), default=float("inf"))
    skipped = len({p["line"] for p in problems}) if skip_invalid else 0

    stdout = []
    reached = False
    for r in results:
        for text in r["stdout"].splitlines(keepends=True):
            finding = json.loads(text)
            line = finding["location"]["line"]
            if line >= first_error or line in dup_at:
                continue
            stdout.append(text)
            outcome = finding["outcome"]
            if fail_on != "none" and outcome != "exempt" and RANK[outcome] >= RANK[fail_on]:
                reached = True

    stderr = list(results[0]["other"]) + [p["text"] for p in problems[:MAX_PROBLEMS]]
    if len(problems) > MAX_PROBLEMS:
        rest = problems[MAX_PROBLEMS:]
        more_errors = sum(1 for p in rest if not p["warning"])
        counts = "%d more errors" % more_errors if more_errors == len(rest) else "%d more problems (%d errors)" % (len(rest), more_errors)
        stderr.append("%s:%d:%d: %stoo-many-problems: %s in this file from here on are not listed" % (
            safe_name, rest[0]["line"], rest[0]["column"], "" if more_errors else "warning ", counts))
    if skipped:
        stderr.append("%d invalid record(s) skipped" % skipped)
    if errors:
        stderr.append("%d error(s); no findings were written after the first" % errors)
    code = 2 if errors else 1 if reached else 0
    return "".join(stdout), "".join(s + "\n" for s in stderr), code


def check_file(client, path, lines_per_partition, command="sanctions-check", name=None, rules=(), skip_invalid=False, fail_on="violation"):
    """Runs the job on `client`'s cluster; returns (findings, problems, exit code) as one run gives them."""
    name = name if name is not None else display_path(path)
    path = os.path.abspath(path)
    tool_flags = [flag for r in rules for flag in ("--rules", os.path.abspath(r))] + (["--skip-invalid"] if skip_invalid else [])
    parts = partitions(path, lines_per_partition)
    buckets = max(1, len(client.scheduler_info()["workers"]))
    runs = client.map(check_partition, [path] * len(parts), parts, command=command, name=name, tool_flags=tool_flags,
                      buckets=buckets, pure=False)
    # Second pass: each bucket of ids, from every partition in order, on one worker.
    per_bucket = [[client.submit(operator.itemgetter("ids"), run, pure=False) for run in runs]]
    per_bucket = [[client.submit(operator.itemgetter(b), ids) for ids in per_bucket[0]] for b in range(buckets)]
    found = client.map(duplicates, per_bucket)
    results = client.gather(client.map(without_ids, runs))
    dups = [d for bucket in client.gather(found) for d in bucket]
    return merge(results, dups, name, skip_invalid, fail_on)


def main(argv=None, stdout=None, stderr=None):
    stdout = stdout or sys.stdout
    stderr = stderr or sys.stderr
    ap = argparse.ArgumentParser(description="Check an NDJSON record file with sanctions-check on a Dask cluster.")
    ap.add_argument("records", help="the NDJSON record file (at the same path on every worker)")
    where = ap.add_mutually_exclusive_group()
    where.add_argument("--scheduler", help="address of a running Dask scheduler, e.g. tcp://10.0.0.5:8786")
    where.add_argument("--local-workers", type=int, default=2, help="else: worker processes of a cluster on this machine (default 2)")
    ap.add_argument("--lines-per-partition", type=int, default=200_000)
    ap.add_argument("--command", default="sanctions-check", help="how the workers run the tool (default: sanctions-check)")
    ap.add_argument("--name", help="the file name findings carry (default: the path as given, as the tool shows it)")
    ap.add_argument("--rules", action="append", default=[], help="rule file or folder (repeatable)")
    ap.add_argument("--skip-invalid", action="store_true")
    ap.add_argument("--fail-on", choices=["violation", "review", "none"], default="violation")
    args = ap.parse_args(argv)
    if args.lines_per_partition < 1:
        ap.error("--lines-per-partition takes a whole number of at least 1")
    job = dict(lines_per_partition=args.lines_per_partition, command=args.command, name=args.name, rules=args.rules,
               skip_invalid=args.skip_invalid, fail_on=args.fail_on)
    try:
        if args.scheduler:
            with Client(args.scheduler) as client:
                out, err, code = check_file(client, args.records, **job)
        else:
            with LocalCluster(n_workers=args.local_workers, threads_per_worker=1, processes=True, host="127.0.0.1",
                              dashboard_address=None) as cluster, Client(cluster) as client:
                out, err, code = check_file(client, args.records, **job)
    except (JobError, OSError) as e:
        stderr.write("check_ndjson: %s\n" % e)
        return 3
    stdout.write(out)
    stderr.write(err)
    return code


if __name__ == "__main__":
    sys.exit(main())
