/**
 * The small dense matrix type that layers compute with, and its fast kernels.
 *
 * <pre>{@code
 * var y = x.timesInto(w, out);     // out ← x·W through BLAS, no allocation
 * Blas.implementation()            // which BLAS is in use
 * }</pre>
 *
 * Speed lives here, not in the layers: {@link descent.tensor.Matrix} products go through {@link descent.tensor.Blas}
 * (native OpenBLAS when installed), and every product has an {@code ...Into} variant that writes into a
 * preallocated output so the training loop can run without allocating.
 */
package descent.tensor;
