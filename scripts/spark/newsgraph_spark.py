"""Map on Apache Spark, reduce with newsgraph.

The map step pipes each partition of a JSONL dump through `newsgraph extract --per-doc` with
PySpark's RDD.pipe; the reduce step is `newsgraph merge` over the part files Spark writes. Every line
is prefixed with its 0-based place in the dump (zipWithIndex) and the binary runs with `--numbered`,
so the merged graph has the articles in dump order and error reports give the dump's line numbers:
the graph is byte for byte the one `newsgraph extract DUMP` writes on one machine.

    python scripts/spark/newsgraph_spark.py DUMP.jsonl[.gz] OUT_DIR [--master local[2]]
        [--partitions N] [--threads-per-task 1] [--binary target/release/newsgraph] [--model DIR]

OUT_DIR/records/part-* are the per-article records (Spark's output), OUT_DIR/graph.jsonld the graph,
OUT_DIR/graph.errors.jsonl the error report. On a cluster, the binary, the model directory and
libonnxruntime.so must exist at the same paths on every executor (or be shipped with --archives and
named here); see docs/spark.md.
"""
import argparse
import os
import shlex
import subprocess
import sys

from pyspark.sql import SparkSession


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("dump", help="JSONL article dump (.jsonl or .jsonl.gz), any path Spark reads")
    ap.add_argument("out", help="output directory (must not exist yet: Spark refuses to overwrite)")
    ap.add_argument("--master", default="local[2]")
    ap.add_argument("--partitions", type=int, default=None, help="minimum number of partitions")
    ap.add_argument("--threads-per-task", type=int, default=1,
                    help="newsgraph threads per Spark task; tasks x threads should not exceed the cores")
    ap.add_argument("--binary", default=os.path.join(os.path.dirname(__file__), "../../target/release/newsgraph"))
    ap.add_argument("--model", default=None, help="NER model directory [default: the binary's own]")
    a = ap.parse_args()
    binary = os.path.abspath(a.binary)

    spark = SparkSession.builder.master(a.master).appName("newsgraph").getOrCreate()
    sc = spark.sparkContext
    sc.setLogLevel("WARN")
    lines = sc.textFile(a.dump, minPartitions=a.partitions) if a.partitions else sc.textFile(a.dump)
    # The place of each line in the dump: the order key of the merge and the line number of errors.
    numbered = lines.zipWithIndex().map(lambda pair: f"{pair[1]}\t{pair[0]}")
    command = [binary, "extract", "-", "--per-doc", "--numbered", "-o", "-", "--quiet",
               "--threads", str(a.threads_per_task)]
    if a.model:
        command += ["--model", os.path.abspath(a.model)]
    env = {k: v for k, v in os.environ.items() if k in ("ORT_DYLIB_PATH", "HOME", "PATH")}
    # checkCode: a task whose newsgraph exits with 1 (a fatal error) fails and Spark retries it. Exit
    # code 3 only says some records failed (they are in the records as failures), so it is accepted.
    wrapped = "rc=0; " + " ".join(shlex.quote(c) for c in command) + " || rc=$?; [ $rc -eq 0 ] || [ $rc -eq 3 ]"
    records = numbered.pipe(f"/bin/sh -c {shlex.quote(wrapped)}", env=env, checkCode=True)
    records_dir = os.path.join(a.out, "records")
    records.saveAsTextFile(records_dir)
    spark.stop()

    graph = os.path.join(a.out, "graph.jsonld")
    merge = [binary, "merge", records_dir, "-o", graph, "--quiet"]
    rc = subprocess.call(merge)
    if rc not in (0, 3):
        sys.exit(f"newsgraph merge failed with exit code {rc}")
    print(graph)


if __name__ == "__main__":
    main()
