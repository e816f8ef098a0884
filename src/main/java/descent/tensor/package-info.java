/**
 * The small dense matrix type that layers compute with, and its fast kernels.
 */
package descent.tensor;
