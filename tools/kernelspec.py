"""Writes descent's JJava kernel spec: `kernelspec.py DIR JAVA CLASSPATH`.

JJava runs JJAVA_STARTUP_SCRIPTS_PATH before it adds JJAVA_CLASSPATH, so descent's imports cannot come from there:
descent's Jupyter extension (found in the jar through META-INF/services) evaluates them once the jar is loaded.

The spec starts JJava's launcher with the given java and puts descent's jar and its dependencies on the kernel's
class path (JJAVA_CLASSPATH), so descent's Jupyter extension (renderers, imports) loads by itself. DESCENT_QUICK is
not fixed here: the kernel inherits it from whatever starts it (`DESCENT_QUICK=1 ./descent lab`, the test stages).
"""
import json
import os
import sys

kernel_dir, java, class_path, startup = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4]
spec = {
    "argv": [java, "-jar", "{resource_dir}/jjava-launcher.jar", "{resource_dir}/jjava.jar", "{connection_file}"],
    "display_name": "Java (descent)",
    "language": "java",
    "interrupt_mode": "message",
    "env": {
        "JJAVA_CLASSPATH": class_path,
        "JJAVA_JVM_OPTS": "-Djava.awt.headless=true -XX:+UseSerialGC -Xss8m",
        "OPENBLAS_NUM_THREADS": os.environ.get("OPENBLAS_NUM_THREADS", "1"),
    },
    "metadata": {"debugger": False},
}
if os.environ.get("OPENBLAS_CORETYPE"):   # the kernels ./descent chose for this CPU (tools/openblas_core.py)
    spec["env"]["OPENBLAS_CORETYPE"] = os.environ["OPENBLAS_CORETYPE"]
with open(os.path.join(kernel_dir, "kernel.json"), "w") as f:
    json.dump(spec, f, indent=2)
