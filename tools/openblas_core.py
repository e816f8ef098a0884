"""Which OPENBLAS_CORETYPE descent should set, if any: `openblas_core.py [LIBBLAS]` prints a core name or nothing.

OpenBLAS picks its matrix kernels from the CPU's family and model numbers. A CPU newer than the library, or a
virtual machine that hides its model ("Intel(R) Xeon(R) Processor"), gets the generic Prescott kernels (SSE3):
on such a VM with AVX-512, Debian 12's OpenBLAS 0.3.21 multiplies 1024x1024 float64 matrices at about 12 GFLOP/s
with Prescott and about 60 with SkylakeX. So when OpenBLAS falls back to a core older than AVX while the CPU's flags
(/proc/cpuinfo) support AVX2 or AVX-512, this prints the best core those flags allow; `./descent` exports it as
OPENBLAS_CORETYPE. It prints nothing when the user already set OPENBLAS_CORETYPE, when OpenBLAS recognised the CPU,
when the library is not OpenBLAS, or on any doubt: the library's own choice then stands.

The probe loads the library with OPENBLAS_VERBOSE=2 in a child process, which makes OpenBLAS print "Core: NAME".
"""
import os
import subprocess
import sys

# OpenBLAS's pre-AVX x86 cores: what its dynamic-architecture build falls back to on a CPU it does not know.
GENERIC = {"Prescott", "Katmai", "Coppermine", "Northwood", "Banias", "Core2", "Penryn", "Dunnington", "Nehalem",
           "Atom", "Opteron", "Opteron(SSE3)", "Barcelona", "Bobcat"}
# The AVX-512 subsets OpenBLAS's SkylakeX kernels use, and Haswell's AVX2 + FMA.
SKYLAKEX = {"avx512f", "avx512cd", "avx512bw", "avx512dq", "avx512vl"}
HASWELL = {"avx2", "fma"}
LIBBLAS = "/usr/lib/x86_64-linux-gnu/libblas.so.3"


def best_core(flags):
    """The fastest OpenBLAS x86-64 core a CPU with these /proc/cpuinfo flags can run, or None."""
    flags = set(flags)
    if SKYLAKEX <= flags:
        return "SkylakeX"
    if HASWELL <= flags:
        return "Haswell"
    if "avx" in flags:
        return "Sandybridge"
    return None


def choose(detected, flags):
    """The core to force: only when OpenBLAS detected a generic pre-AVX core and the flags allow better."""
    if detected not in GENERIC:
        return None
    return best_core(flags)


def cpu_flags(path="/proc/cpuinfo"):
    try:
        with open(path) as f:
            for line in f:
                if line.startswith("flags"):
                    return line.split(":", 1)[1].split()
    except OSError:
        pass
    return []


def detected_core(lib):
    """The core OpenBLAS in `lib` picks by itself (its "Core: NAME" line under OPENBLAS_VERBOSE=2), or None."""
    env = {k: v for k, v in os.environ.items() if k != "OPENBLAS_CORETYPE"}
    env["OPENBLAS_VERBOSE"] = "2"
    try:
        p = subprocess.run([sys.executable, "-c", "import ctypes, sys; ctypes.CDLL(sys.argv[1])", lib],
                           env=env, capture_output=True, text=True, timeout=30)
    except (OSError, subprocess.SubprocessError):
        return None
    for line in (p.stdout + p.stderr).splitlines():
        if line.startswith("Core: "):
            return line[len("Core: "):].strip()
    return None


def main():
    if os.environ.get("OPENBLAS_CORETYPE"):
        return                                  # the user's choice wins
    lib = os.path.realpath(sys.argv[1] if len(sys.argv) > 1 else LIBBLAS)
    if "openblas" not in lib or not os.path.exists(lib):
        return
    core = choose(detected_core(lib), cpu_flags())
    if core:
        print(core)


if __name__ == "__main__":
    main()
