/**
 * Layers, activations, losses, initializers, regularizers and models, each forward beside its backward.
 */
package descent.nn;
