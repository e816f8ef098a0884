/**
 * Datasets (Fashion-MNIST, MNIST, synthetic 2-D sets), scaling, splits and mini-batches.
 */
package descent.data;
