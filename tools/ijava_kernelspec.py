"""descent's IJava kernel spec: `ijava_kernelspec.py write DIR JAVA IJAVA_JAR CLASSPATH STARTUP_JSH` or `find`.

`find` prints the IJava jar of an installed IJava kernel spec (what `jupyter kernelspec list` shows, e.g. after
IJava's own `python3 install.py`), or nothing. `write` writes DIR/kernel.json: IJava with descent's jar and its
dependencies on the class path (IJAVA_CLASSPATH), descent's imports run at start (IJAVA_STARTUP_SCRIPTS_PATH, before
any variable exists, so all in one go is safe) and `descent.notebook.IJava.install()` (IJAVA_STARTUP_SCRIPT: renderers
and live progress). With it every notebook runs unchanged under either kernel.
"""
import json
import os
import sys

NAME = "ijava-descent"


def find():
    from jupyter_client.kernelspec import KernelSpecManager
    for name, entry in sorted(KernelSpecManager().get_all_specs().items()):
        if name == NAME:
            continue
        argv = entry.get("spec", {}).get("argv", [])
        resource_dir = entry.get("resource_dir", "")
        for arg in argv:
            jar = arg.replace("{resource_dir}", resource_dir)
            base = os.path.basename(jar).lower()
            if base.endswith(".jar") and "ijava" in base and os.path.isfile(jar):
                return os.path.abspath(jar)
    return None


def write(kernel_dir, java, jar, class_path, startup):
    os.makedirs(kernel_dir, exist_ok=True)
    spec = {
        "argv": [java, "-Djava.awt.headless=true", "-XX:+UseSerialGC", "-Xss8m",
                 "-Djava.util.logging.config.file={resource_dir}/logging.properties", "-jar", jar, "{connection_file}"],
        "display_name": "Java (IJava 1.3, descent)",
        "language": "java",
        "interrupt_mode": "message",
        "env": {
            "IJAVA_CLASSPATH": class_path,
            "IJAVA_STARTUP_SCRIPTS_PATH": startup,
            "IJAVA_STARTUP_SCRIPT": "descent.notebook.IJava.install();",
            "OPENBLAS_NUM_THREADS": os.environ.get("OPENBLAS_NUM_THREADS", "1"),
        },
        "metadata": {"debugger": False},
    }
    if os.environ.get("OPENBLAS_CORETYPE"):   # the kernels ./descent chose for this CPU (tools/openblas_core.py)
        spec["env"]["OPENBLAS_CORETYPE"] = os.environ["OPENBLAS_CORETYPE"]
    with open(os.path.join(kernel_dir, "kernel.json"), "w") as f:
        json.dump(spec, f, indent=2)
    # IJava logs each of its message loops starting and stopping at INFO level; warnings are enough.
    with open(os.path.join(kernel_dir, "logging.properties"), "w") as f:
        f.write("handlers=java.util.logging.ConsoleHandler\n.level=WARNING\n")


if __name__ == "__main__":
    if sys.argv[1:2] == ["find"]:
        found = find()
        if found:
            print(found)
    elif sys.argv[1:2] == ["write"] and len(sys.argv) == 7:
        write(*sys.argv[2:])
    else:
        sys.exit(__doc__)
