"""A local Spark session for textclean, or one on a cluster's master, built the same way.

The workers' Python is set explicitly to this interpreter (``spark.pyspark.python`` and
``PYSPARK_PYTHON`` when unset): otherwise the executors may start another ``python3`` that
lacks textclean, pandas or pyarrow, and fail far from the cause.
"""
from __future__ import annotations

import os
import shutil
import sys
from collections.abc import Mapping
from typing import Any

from ..errors import ConfigError


def require_pyspark():
    """The ``pyspark`` module, or a :class:`ConfigError` that says how to install it."""
    try:
        import pyspark  # noqa: F401
        import pyarrow  # noqa: F401
        import pandas  # noqa: F401
    except ImportError as exc:
        raise ConfigError(f"textclean's Spark engine needs the 'spark' extra ({exc.name} is missing); "
                          "install it with: pip install 'textclean[spark]'") from None
    return pyspark


def java_available() -> bool:
    """Whether a Java runtime is on the PATH or under ``JAVA_HOME`` (Spark 4 needs Java 17+)."""
    home = os.environ.get("JAVA_HOME")
    return bool(shutil.which("java") or (home and os.path.exists(os.path.join(home, "bin", "java"))))


def spark_session(master: str = "local[*]", *, app_name: str = "textclean", shuffle_partitions: int | None = None,
                  conf: Mapping[str, Any] | None = None):
    """A ``SparkSession`` on ``master`` (``local[*]``: every core of this machine), with Arrow on,
    the UI off for local masters, and the workers' Python set to this interpreter.

    ``shuffle_partitions`` sets ``spark.sql.shuffle.partitions`` (default: 2 per core for a
    local master, else Spark's own). ``conf`` adds any other Spark settings. An existing
    session is reused by Spark (``getOrCreate``), with these settings applied to it.
    """
    require_pyspark()
    from pyspark.sql import SparkSession

    if not java_available():
        raise ConfigError("Spark needs a Java runtime (Java 17 for Spark 4): install one (e.g. openjdk-17-jre) "
                          "or set JAVA_HOME")
    # Executors must run this interpreter, which has textclean installed.
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    builder = (SparkSession.builder.master(master).appName(app_name)
               .config("spark.pyspark.python", os.environ["PYSPARK_PYTHON"])
               .config("spark.sql.execution.arrow.pyspark.enabled", "true"))
    if master.startswith("local"):
        cores = os.cpu_count() or 1
        builder = (builder.config("spark.ui.enabled", "false")
                   .config("spark.sql.shuffle.partitions", str(shuffle_partitions or 2 * cores)))
    elif shuffle_partitions:
        builder = builder.config("spark.sql.shuffle.partitions", str(shuffle_partitions))
    for key, value in (conf or {}).items():
        builder = builder.config(key, str(value))
    return builder.getOrCreate()
