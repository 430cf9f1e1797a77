"""A small local Spark session shared by the Spark tests; they skip, saying why, without
pyspark (the 'spark' extra) or Java."""
from __future__ import annotations

import importlib.util
import shutil
import os

import pytest


def _missing() -> str | None:
    for name in ("pyspark", "pandas", "pyarrow"):
        if importlib.util.find_spec(name) is None:
            return f"{name} is not installed (pip install '.[spark]')"
    home = os.environ.get("JAVA_HOME")
    if not (shutil.which("java") or (home and os.path.exists(os.path.join(home, "bin", "java")))):
        return "no Java runtime (Spark 4 needs Java 17; set JAVA_HOME or put java on the PATH)"
    return None


@pytest.fixture(scope="session")
def spark():
    reason = _missing()
    if reason:
        pytest.skip(reason)
    from textclean.spark import spark_session

    session = spark_session("local[2]", app_name="textclean-tests", shuffle_partitions=4,
                            conf={"spark.default.parallelism": 4, "spark.sql.adaptive.enabled": "true",
                                  "spark.driver.memory": "1g"})
    session.sparkContext.setLogLevel("ERROR")
    yield session
    session.stop()
