/**
 * Ready-made comparisons from the lectures, each returning a table and a figure.
 */
package descent.experiment;
