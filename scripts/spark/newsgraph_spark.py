"""newsgraph on Apache Spark: extraction and the cross-article merge on the cluster.

Map: each partition of a JSONL dump is piped through `newsgraph extract --per-doc` (RDD.pipe). Every
line is prefixed with its 0-based place in the dump (zipWithIndex) and the binary runs with
`--numbered`, so the graph has the articles in dump order and error reports give the dump's lines.

Merge: the knowledge layer (entities resolved across articles, facts merged across articles) runs on
the cluster as `newsgraph merge-step` over partitions: the cluster partitions the lines of each step by
their blocking key (an entity's name key, a person's given name or surname, a fact's people and
organisation), each step sorts its partition and works one block at a time, and joins bring the global
entities back to the articles' facts (the steps are listed in src/graph/knowledge/steps.rs). The last
command, `newsgraph merge RECORDS --knowledge NODES`, only streams: article nodes and failures from
the records, knowledge nodes from the cluster's output. The graph is byte for byte the one
`newsgraph extract DUMP` writes on one machine.

    python scripts/spark/newsgraph_spark.py DUMP.jsonl[.gz] OUT_DIR [--master local[2]]
        [--partitions N] [--threads-per-task 1] [--merge-memory 256] [--single-process-merge]
        [--binary target/release/newsgraph] [--model DIR]

OUT_DIR/records/part-* are the per-article records, OUT_DIR/knowledge/part-* the knowledge nodes,
OUT_DIR/graph.jsonld the graph, OUT_DIR/graph.errors.jsonl the error report. On a cluster, the binary,
the model directory and libonnxruntime.so must exist at the same paths on every executor (or be
shipped with --archives and named here); see docs/spark.md.
"""
import argparse
import json
import os
import shlex
import subprocess
import sys
import zlib

from pyspark.sql import SparkSession


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("dump", help="JSONL article dump (.jsonl or .jsonl.gz), any path Spark reads")
    ap.add_argument("out", help="output directory (must not exist yet: Spark refuses to overwrite)")
    ap.add_argument("--master", default="local[2]")
    ap.add_argument("--partitions", type=int, default=None, help="minimum number of partitions")
    ap.add_argument("--threads-per-task", type=int, default=1,
                    help="newsgraph threads per Spark task; tasks x threads should not exceed the cores")
    ap.add_argument("--merge-memory", type=int, default=256, help="MiB each merge step's sort may take")
    ap.add_argument("--single-process-merge", action="store_true",
                    help="merge the records in one newsgraph process instead of on the cluster")
    ap.add_argument("--from-records", action="store_true",
                    help="DUMP is per-article records (extract --per-doc, a file or a directory of part files): merge only")
    ap.add_argument("--binary", default=os.path.join(os.path.dirname(__file__), "../../target/release/newsgraph"))
    ap.add_argument("--model", default=None, help="NER model directory [default: the binary's own]")
    a = ap.parse_args()
    binary = os.path.abspath(a.binary)
    env = {k: v for k, v in os.environ.items() if k in ("ORT_DYLIB_PATH", "HOME", "PATH", "TMPDIR")}

    spark = SparkSession.builder.master(a.master).appName("newsgraph").getOrCreate()
    sc = spark.sparkContext
    sc.setLogLevel("WARN")
    if a.from_records:
        # The dump is per-article records already (extract --per-doc, an earlier run's records/):
        # only the merge runs.
        records_dir = a.dump
    else:
        records_dir = os.path.join(a.out, "records")
        extract(sc, a, binary, env).saveAsTextFile(records_dir)
    graph = os.path.join(a.out, "graph.jsonld")
    merge = [binary, "merge", records_dir, "-o", graph, "--quiet"]
    if not a.single_process_merge:
        knowledge_dir = os.path.join(a.out, "knowledge")
        records = sc.textFile(records_dir)
        if a.partitions and records.getNumPartitions() < a.partitions:
            records = records.repartition(a.partitions)
        steps = MergeSteps(binary, env, a.merge_memory, records.getNumPartitions())
        steps.knowledge_nodes(records).saveAsTextFile(knowledge_dir)
        merge += ["--knowledge", knowledge_dir]
    spark.stop()

    os.makedirs(a.out, exist_ok=True)
    rc = subprocess.call(merge)
    if rc not in (0, 3):
        sys.exit(f"newsgraph merge failed with exit code {rc}")
    print(graph)


def extract(sc, a, binary, env):
    """The per-article records of the dump: `newsgraph extract --per-doc` over every partition."""
    lines = sc.textFile(a.dump, minPartitions=a.partitions) if a.partitions else sc.textFile(a.dump)
    # The place of each line in the dump: the order key of the merge and the line number of errors.
    numbered = lines.zipWithIndex().map(lambda pair: f"{pair[1]}\t{pair[0]}")
    command = [binary, "extract", "-", "--per-doc", "--numbered", "-o", "-", "--quiet",
               "--threads", str(a.threads_per_task)]
    if a.model:
        command += ["--model", os.path.abspath(a.model)]
    # checkCode: a task whose newsgraph exits with 1 (a fatal error) fails and Spark retries it. Exit
    # code 3 only says some records failed (they are in the records as failures), so it is accepted.
    wrapped = "rc=0; " + " ".join(shlex.quote(c) for c in command) + " || rc=$?; [ $rc -eq 0 ] || [ $rc -eq 3 ]"
    return numbered.pipe(f"/bin/sh -c {shlex.quote(wrapped)}", env=env, checkCode=True)


def key_of(line):
    """The KEY of a `TAG<TAB>KEY<TAB>JSON` line of a merge step."""
    return line.split("\t", 2)[1]


def json_of(line):
    return line.split("\t", 2)[2]


def tagged(lines, tag):
    return lines.filter(lambda line: line.startswith(tag + "\t"))


def only(values):
    (value,) = values
    return value


class MergeSteps:
    """The knowledge layer on the cluster: `newsgraph merge-step` over partitions, the cluster moving
    lines between steps. Every step sorts its own partition, so the result does not depend on how
    the lines were partitioned, only on which lines are together (a whole block)."""

    def __init__(self, binary, env, memory_mib, partitions):
        self.binary, self.env, self.memory, self.partitions = binary, env, memory_mib, partitions

    def step(self, lines, name, header=None):
        command = [self.binary, "merge-step", name, "--memory", str(self.memory)]
        if header is not None:
            command += ["--header", header]
        return lines.pipe(" ".join(shlex.quote(c) for c in command), env=self.env, checkCode=True)

    def blocked(self, lines, name, header=None):
        """`name` over lines partitioned by their KEY: each block in one partition."""
        partitioned = lines.keyBy(key_of).partitionBy(self.partitions, lambda key: zlib.crc32(key.encode())).values()
        return self.step(partitioned, name, header)

    def knowledge_nodes(self, records):
        header = records.filter(lambda line: line.startswith('{"perDocFormat"')).first()
        shares = self.step(records, "articles").cache()
        # Of the records that claim one article id, the first in input order is kept (the others are
        # duplicates, reported by the final merge); kept shares are numbered in input order.
        claims = tagged(shares, "C").map(lambda line: (key_of(line), int(json_of(line))))
        duplicates = claims.groupByKey().flatMap(lambda claim: sorted(claim[1])[1:]).map(lambda seq: (seq, None))
        kept = (tagged(shares, "K").map(lambda line: (int(key_of(line)), json_of(line)))
                .subtractByKey(duplicates).sortByKey().values().zipWithIndex()
                .map(lambda pair: (pair[1], pair[0])).cache())
        # Entities resolved across articles, block by block, rounds until a surname round merges nothing.
        mentions = self.step(kept.map(lambda doc: f"D\t{doc[0]}\t{doc[1]}"), "mentions")
        routed = self.blocked(mentions, "candidates").cache()
        resolved = tagged(routed, "E")
        rounds = 0
        while True:
            full_names = self.blocked(tagged(routed, "G"), "by-given-name")
            routed = self.blocked(tagged(routed, "S").union(full_names), "by-surname").cache()
            rounds += 1
            if tagged(routed, "M").isEmpty():
                break
        print(f"newsgraph_spark: people resolved in {rounds} round(s)", file=sys.stderr)
        entities = self.step(resolved.union(tagged(routed, "G")).union(tagged(routed, "S")), "identify")
        # Entity nodes are numbered in IRI order: the ranks facts name them by.
        ranked = (entities.map(lambda line: (json.loads(key_of(line)), json_of(line))).sortByKey().values()
                  .zipWithIndex().map(lambda pair: (pair[1], pair[0])).cache())
        members = self.step(ranked.map(lambda entity: f"R\t{entity[0]}\t{entity[1]}"), "members")
        members = members.map(lambda line: (int(key_of(line)), json_of(line)))
        articles = kept.cogroup(members).map(
            lambda doc: f'A\t{doc[0]}\t{{"article":{only(doc[1][0])},"ranks":[{",".join(doc[1][1])}]}}')
        per_article = self.step(articles, "doc-facts").cache()
        member_articles = tagged(per_article, "L").map(lambda line: (int(key_of(line)), json_of(line)))
        entity_nodes = self.step(ranked.cogroup(member_articles).map(
            lambda entity: f'N\t{entity[0]}\t{{"entity":{only(entity[1][0])},"articles":[{",".join(entity[1][1])}]}}'),
            "entity-nodes").map(lambda line: ((0, int(key_of(line))), json_of(line)))
        fact_nodes = self.blocked(tagged(per_article, "F"), "fact-nodes", header).map(
            lambda line: ((1, json.loads(key_of(line))), json_of(line)))
        return entity_nodes.union(fact_nodes).sortByKey().values()

if __name__ == "__main__":
    main()
