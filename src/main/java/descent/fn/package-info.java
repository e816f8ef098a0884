/**
 * Functions R^n → R and their gradients: from lambdas ({@link descent.fn.Functions#of}), with analytic gradients,
 * by central difference ({@link descent.fn.Gradients}), or by reverse-mode automatic differentiation
 * ({@link descent.fn.Var}, {@link descent.fn.Functions#auto}); {@link descent.fn.GradientCheck} compares any two;
 * the test surfaces of the lectures (the book's bowl, Rosenbrock, Beale, Himmelblau, ...) with their known minima.
 */
package descent.fn;
