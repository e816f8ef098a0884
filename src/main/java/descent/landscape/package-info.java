/**
 * Curvature and the shape of the loss: Hessians (exact, by the R-operator through backprop or by forward-over-reverse
 * autodiff), Hessian–vector products, eigenvalues ({@link descent.landscape.Eigen} for small matrices,
 * {@link descent.landscape.Lanczos} for large ones), critical-point classification as in Hung-yi Lee's ML 2021 P5
 * ({@link descent.landscape.CriticalPoint}), and 1-D/2-D slices of a network's loss landscape
 * ({@link descent.landscape.Landscape}: filter-normalized random directions and trajectory PCA, Li et al. 2018).
 *
 * <pre>{@code
 * CriticalPoint.classify(Functions.saddle(), Vec.of(0, 0));      // SADDLE, eigenvalues [-2, 2], minimum ratio 0.5
 * var f = NetworkLoss.of(Mlp.of(2, 3, 2).tanh().seed(1), Datasets.spirals(10, 0.1, 1));
 * Hessian.of(f, f.point()).eigen()                              // Eigen(17 values from -0.06679 to 1.144)
 * }</pre>
 *
 * Sits between {@code descent.train} and {@code descent.experiment}: it uses fn, tensor, nn and data, and
 * {@code descent.experiment} builds the notebook's figures on it. User guide: {@code docs/landscape.md}.
 */
package descent.landscape;
