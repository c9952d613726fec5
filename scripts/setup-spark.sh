#!/usr/bin/env bash
# Idempotent set-up of PySpark (from PyPI, pinned) in ~/.cache/newsgraph/venv-spark, for the Spark
# recipe (scripts/spark/newsgraph_spark.py) and its test. Spark needs a Java runtime (17 here).
set -euo pipefail
PYSPARK_VERSION=3.5.3
VENV="${NEWSGRAPH_SPARK_VENV:-$HOME/.cache/newsgraph/venv-spark}"
if ! command -v java >/dev/null 2>&1; then
  echo "setup-spark: java not found; Spark needs a Java runtime (17)" >&2
  exit 1
fi
if ! "$VENV/bin/python" -c "import pyspark, sys; sys.exit(pyspark.__version__ != '$PYSPARK_VERSION')" 2>/dev/null; then
  echo "setup-spark: installing pyspark==$PYSPARK_VERSION into $VENV" >&2
  python3 -m venv "$VENV"
  "$VENV/bin/pip" install --quiet "pyspark==$PYSPARK_VERSION"
fi
echo "$VENV/bin/python"
