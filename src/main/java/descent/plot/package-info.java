/**
 * Figures built on tablesaw-jsplot: contours, surfaces, trajectories, curves; and showing them from JShell.
 */
package descent.plot;
