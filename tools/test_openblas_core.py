"""openblas_core.py: which OPENBLAS_CORETYPE is forced, from OpenBLAS's own choice and the CPU's flags."""
import os
import sys
import unittest
from unittest import mock

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import openblas_core  # noqa: E402

# /proc/cpuinfo flags of the VM this was written on (an AVX-512 Xeon whose model the hypervisor hides), trimmed
AVX512 = "sse3 ssse3 sse4_1 sse4_2 avx fma avx2 avx512f avx512dq avx512cd avx512bw avx512vl avx512_bf16".split()
AVX2 = "sse3 ssse3 sse4_1 sse4_2 avx fma avx2".split()
SSE = "sse sse2 sse3 ssse3".split()


class Choose(unittest.TestCase):
    def test_generic_fallback_on_an_avx512_cpu_gets_skylakex(self):
        self.assertEqual("SkylakeX", openblas_core.choose("Prescott", AVX512))

    def test_generic_fallback_on_an_avx2_cpu_gets_haswell(self):
        self.assertEqual("Haswell", openblas_core.choose("Nehalem", AVX2))

    def test_avx_without_avx2_gets_sandybridge(self):
        self.assertEqual("Sandybridge", openblas_core.choose("Core2", SSE + ["avx"]))

    def test_a_recognised_cpu_keeps_openblas_choice(self):
        for core in ("Haswell", "SkylakeX", "Cooperlake", "Zen", "SapphireRapids"):
            self.assertIsNone(openblas_core.choose(core, AVX512), f"{core} was overridden")

    def test_no_detection_changes_nothing(self):
        self.assertIsNone(openblas_core.choose(None, AVX512))

    def test_a_cpu_without_avx_keeps_the_generic_core(self):
        self.assertIsNone(openblas_core.choose("Prescott", SSE))

    def test_avx512_without_all_subsets_is_not_skylakex(self):
        partial = [f for f in AVX512 if f != "avx512bw"]     # e.g. Knights Landing: F and CD, no BW/DQ/VL
        self.assertEqual("Haswell", openblas_core.best_core(partial))


class Main(unittest.TestCase):
    def run_main(self, env, lib, detected, flags):
        out = []
        with mock.patch.dict(os.environ, env, clear=True), \
                mock.patch.object(sys, "argv", ["openblas_core.py", lib]), \
                mock.patch.object(openblas_core, "detected_core", return_value=detected), \
                mock.patch.object(openblas_core, "cpu_flags", return_value=flags), \
                mock.patch.object(os.path, "exists", return_value=True), \
                mock.patch("builtins.print", side_effect=out.append):
            openblas_core.main()
        return out

    def test_prints_the_core_to_force(self):
        self.assertEqual(["SkylakeX"], self.run_main({}, "/usr/lib/openblas-pthread/libblas.so.3", "Prescott", AVX512))

    def test_the_users_coretype_wins(self):
        self.assertEqual([], self.run_main({"OPENBLAS_CORETYPE": "Haswell"}, "/usr/lib/openblas/libblas.so.3",
                                           "Prescott", AVX512))

    def test_a_library_that_is_not_openblas_is_left_alone(self):
        self.assertEqual([], self.run_main({}, "/usr/lib/blas/libblas.so.3", "Prescott", AVX512))


if __name__ == "__main__":
    unittest.main()
