/**
 * Functions R^n → R and their gradients: analytic, numerical (central difference) and automatic; the test surfaces of the lectures.
 */
package descent.fn;
