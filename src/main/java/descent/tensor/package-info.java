/**
 * The small dense matrix type that layers compute with, and its fast kernels.
 *
 * <pre>{@code
 * var x = Matrix.of(new double[][]{{1, 2}});
 * var w = Matrix.of(new double[][]{{1, 0, 2}, {0, 1, 3}});
 * var out = Matrix.zeros(1, 3);
 * var y = x.timesInto(w, out);     // out ← x·W through BLAS, no allocation: Matrix(1x3)[[1, 2, 8]]
 * Blas.implementation()            // which BLAS is in use, e.g. "native OpenBLAS via JNI (...libblas.so.3)"
 * }</pre>
 *
 * Speed lives here, not in the layers: {@link descent.tensor.Matrix} products go through {@link descent.tensor.Blas}
 * (native OpenBLAS when installed), and every product has an {@code ...Into} variant that writes into a
 * preallocated output so the training loop can run without allocating. A matrix stores doubles or, for a float32
 * model ({@code Mlp.of(...).float32()}), floats: its {@link descent.tensor.DType}; products then call
 * {@code sgemm}.
 */
package descent.tensor;
