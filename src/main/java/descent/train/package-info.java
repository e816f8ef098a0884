/**
 * The trainer, its history, early stopping and progress display.
 */
package descent.train;
