"""``python -m storylink.spark INPUT... --out DIR`` or ``spark-submit .../storylink/spark/__main__.py ...``."""

from storylink.spark.command import main

if __name__ == "__main__":
    main(prog_name="storylink-spark")
