#!/usr/bin/python3
"""newsgraph on a Dask cluster: `newsgraph extract` mapped over partitions of JSON Lines
files, then `newsgraph build` on the facts (issue 12, docs/scaling.md).

  tools/dask_extract.py -o OUTDIR INPUT...                  # a LocalCluster on this machine
  tools/dask_extract.py --scheduler tcp://host:8786 -o OUTDIR /shared/news/2025/

INPUT is a .jsonl file or a directory of them (recursively, sorted, hidden files left out,
as newsgraph reads a directory). Each file is cut at line boundaries into partitions of
about --partition-mb; a Dask task reads its byte range of the file, runs
`newsgraph extract` on it and returns the facts lines, with each document's origin
("file.jsonl:LINE") as `newsgraph run` over the whole file writes it. The facts are kept in
OUTDIR/facts/part-NNNNN.jsonl, in input order, and `newsgraph build` merges them into
OUTDIR (graph files, report.json, event_map.jsonl). The merge does not depend on the
partitioning, so the graph is byte for byte the one `newsgraph run` makes of the same input
(tests/dask_extract.sh checks it) -- as long as document ids are unique across the input
(`run` renames a repeated id; separate partitions cannot see each other's ids, and `build`
keeps the first facts of an id) and every record carries an id (a record without one is
named by its location, which this tool maps back to the file's).

On a real cluster the workers must see INPUT at the same paths (a shared file system, as
dask.bag.read_text expects) and have the newsgraph binary (--newsgraph) and any --rules
directory. Needs Debian's python3-distributed.

Exit status: 0 ok, 1 documents skipped with --strict, 2 usage or input errors or a failed
extract/build.
"""

import argparse
import os
import re
import subprocess
import sys
import tempfile

SCRIPT_DIR = os.path.dirname(os.path.abspath(__file__))


def jsonl_files(inputs):
    """Returns the .jsonl files of the inputs, directories expanded as newsgraph does."""
    files = []
    for path in inputs:
        if os.path.isfile(path):
            files.append(path)
        elif os.path.isdir(path):
            found = []
            for root, dirs, names in os.walk(path):
                dirs[:] = [d for d in dirs if not d.startswith(".")]
                found += [os.path.relpath(os.path.join(root, n), path).replace(os.sep, "/")
                          for n in names if not n.startswith(".") and n.endswith(".jsonl")]
            files += [os.path.join(path, rel) for rel in sorted(found)]
        else:
            raise ValueError(f"{path}: no such file or directory")
    for f in files:
        if not f.endswith(".jsonl"):
            raise ValueError(f"{f}: not a .jsonl file (dask_extract partitions JSON Lines; "
                             "run newsgraph itself on .txt files)")
    return files


def partitions(path, size):
    """Returns the (path, begin, end, first line) byte ranges of a file, each of about size
    bytes and ending at the end of a line. Reads the file once, to count its lines."""
    parts = []
    begin, line = 0, 1
    with open(path, "rb") as f:
        while True:
            chunk = f.read(size)
            if not chunk:
                break
            chunk += f.readline()  # to the end of the line
            parts.append((path, begin, begin + len(chunk), line))
            line += chunk.count(b"\n")
            begin += len(chunk)
    return parts


def extract_partition(part, newsgraph, extract_args):
    """Runs newsgraph extract over one partition; returns (facts bytes, stderr text)."""
    path, begin, end, first_line = part
    with open(path, "rb") as f:
        f.seek(begin)
        data = f.read(end - begin)
    with tempfile.TemporaryDirectory(prefix="newsgraph-dask-") as tmp:
        local = os.path.join(tmp, "part.jsonl")
        with open(local, "wb") as f:
            f.write(data)
        proc = subprocess.run([newsgraph, "extract", local, "-o", "-", "-j", "1", "--quiet"]
                              + extract_args, capture_output=True)
    if proc.returncode not in (0, 1):
        raise RuntimeError(f"newsgraph extract of {path} bytes {begin}-{end} failed "
                           f"(exit {proc.returncode}):\n{proc.stderr.decode(errors='replace')}")
    # The partition's locations ("/tmp/.../part.jsonl:3") become the file's ("x.jsonl:1203").
    # Only the "doc" and "origin" members start with a location; the JSON escaping of the
    # path is RapidJSON's, which escapes only '"', '\\' and control characters.
    quoted = local.replace("\\", "\\\\").replace('"', '\\"').encode()
    target = path.replace("\\", "\\\\").replace('"', '\\"').encode()
    pattern = re.compile(rb'("(?:doc|origin)":")' + re.escape(quoted) + rb":(\d+)")
    facts = pattern.sub(lambda m: m.group(1) + target + b":" +
                        str(int(m.group(2)) + first_line - 1).encode(), proc.stdout)
    stderr = proc.stderr.decode(errors="replace").replace(local, f"{path} (from line {first_line})")
    return facts, stderr, proc.returncode


def default_newsgraph():
    built = os.path.join(SCRIPT_DIR, "..", "build", "newsgraph")
    if os.access(built, os.X_OK):
        return os.path.abspath(built)
    return "newsgraph"


def parse_args(argv):
    p = argparse.ArgumentParser(
        prog="dask_extract.py",
        description="Run newsgraph extract over partitions of JSON Lines files on a Dask "
                    "cluster, then newsgraph build on the facts (docs/scaling.md).",
        epilog="Exit status: 0 ok, 1 documents skipped with --strict, 2 usage, input or "
               "newsgraph errors.")
    p.add_argument("inputs", nargs="+", metavar="INPUT", help=".jsonl files or directories")
    p.add_argument("-o", "--output", required=True, metavar="DIR",
                   help="output directory: facts/part-*.jsonl and what newsgraph build writes")
    p.add_argument("--scheduler", metavar="ADDRESS",
                   help="a running Dask scheduler (tcp://host:8786); default: a LocalCluster")
    p.add_argument("--workers", type=int, default=os.cpu_count() or 1, metavar="N",
                   help="LocalCluster worker processes (default: the number of cores)")
    p.add_argument("--partition-mb", type=float, default=64.0, metavar="MB",
                   help="partition size in MB (10^6 bytes) of JSON Lines (default: 64)")
    p.add_argument("--newsgraph", default=default_newsgraph(), metavar="PATH",
                   help="the newsgraph binary, at this path on every worker "
                        "(default: build/newsgraph beside this script, else newsgraph on PATH)")
    p.add_argument("--rules", action="append", default=[], metavar="DIR",
                   help="passed to extract and build (repeatable)")
    p.add_argument("--no-builtin-rules", action="store_true", help="passed to extract and build")
    p.add_argument("--dct", metavar="DATE", help="passed to extract")
    p.add_argument("--no-metonymy", action="store_true", help="passed to extract")
    p.add_argument("--format", metavar="LIST", help="passed to build (graphml,jsonld,...)")
    p.add_argument("--strict", action="store_true",
                   help="exit 1 if any input document was skipped")
    p.add_argument("-q", "--quiet", action="store_true", help="no summary on stderr")
    args = p.parse_args(argv)
    if args.workers < 1:
        p.error("--workers must be at least 1")
    if args.partition_mb <= 0:
        p.error("--partition-mb must be positive")
    return args


def main(argv):
    args = parse_args(argv)
    try:
        from dask.distributed import Client, LocalCluster
    except ImportError:
        print("dask_extract: the Python module 'distributed' is missing "
              "(apt-get install python3-distributed)", file=sys.stderr)
        return 2
    try:
        files = jsonl_files(args.inputs)
    except ValueError as e:
        print(f"dask_extract: {e}", file=sys.stderr)
        return 2
    rule_args = [a for d in args.rules for a in ("--rules", d)]
    if args.no_builtin_rules:
        rule_args.append("--no-builtin-rules")
    extract_args = list(rule_args)
    if args.dct:
        extract_args += ["--dct", args.dct]
    if args.no_metonymy:
        extract_args.append("--no-metonymy")
    size = max(1, int(args.partition_mb * 1e6))
    parts = [p for f in files for p in partitions(f, size)]

    facts_dir = os.path.join(args.output, "facts")
    os.makedirs(facts_dir, exist_ok=True)
    for old in os.listdir(facts_dir):
        if re.fullmatch(r"part-\d{5,}\.jsonl", old):
            os.remove(os.path.join(facts_dir, old))

    cluster = None
    if args.scheduler:
        client = Client(args.scheduler)
    else:
        cluster = LocalCluster(n_workers=args.workers, threads_per_worker=1, processes=True,
                               dashboard_address=None,
                               local_directory=tempfile.mkdtemp(prefix="newsgraph-dask-"))
        client = Client(cluster)
    failed = False
    strict_skips = False
    try:
        futures = client.map(extract_partition, parts, newsgraph=args.newsgraph,
                             extract_args=extract_args, pure=False)
        part_files = []
        for i, future in enumerate(futures):
            try:
                facts, stderr, _ = future.result()
            except Exception as e:  # the task's error, raised again here
                print(f"dask_extract: {e}", file=sys.stderr)
                failed = True
                continue
            sys.stderr.write(stderr)
            strict_skips |= b'"status":"skipped"' in facts
            name = os.path.join(facts_dir, f"part-{i:05d}.jsonl")
            with open(name, "wb") as f:
                f.write(facts)
            part_files.append(name)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
    if failed:
        print("dask_extract: extract failed; no graph built", file=sys.stderr)
        return 2
    if not part_files:  # no input lines: build an empty graph, as run does
        part_files.append(os.path.join(facts_dir, "part-00000.jsonl"))
        open(part_files[0], "wb").close()
    build = [args.newsgraph, "build", *part_files, "-o", args.output] + rule_args
    if args.format:
        build += ["--format", args.format]
    if args.quiet:
        build.append("--quiet")
    if subprocess.run(build).returncode != 0:
        print("dask_extract: newsgraph build failed", file=sys.stderr)
        return 2
    if not args.quiet:
        where = args.scheduler or f"a LocalCluster of {args.workers} workers"
        print(f"dask_extract: {len(files)} files in {len(parts)} partitions on {where}",
              file=sys.stderr)
    return 1 if args.strict and strict_skips else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
