/**
 * Figures built on tablesaw-jsplot: contours with optimizer paths, and the pieces to build other figures; showing
 * figures from JShell and in notebooks.
 *
 * <pre>{@code
 * var f = Functions.dlfsBowl();
 * var path = Optimizers.sgd(0.95).minimize(f, Vec.of(-7, 2), 30);
 * var fig = Plots.contour(f, path);     // last in a notebook cell: draws inline
 * Plots.show(fig);                      // JShell: a self-contained HTML file, opened or its path printed
 * }</pre>
 *
 * <h2>Adding a plot type</h2>
 * <pre>
 *  1. compute the data (a grid with Region.xs/ys, or points from a Trajectory/Table)
 *  2. make traces: ContourTrace, HeatmapTrace, SurfaceTrace, LineTrace, Line3dTrace;
 *     anything else Plotly has: .with("plotly.attribute", value) on the closest one
 *  3. PlotlyFigure.of(title, traces...).withAxisTitles(...), then the typed helpers descent's figures share:
 *     withLegendBelow(), withLogX()/withLogY(), withXRange/withYRange/withRanges(region), withHeight(px);
 *     withLayout("key.sub", value) for anything else
 *  4. add a short static factory to Plots that calls a package-private builder class (like Contours)
 * </pre>
 * Rendering needs nothing more: every tablesaw {@code Figure} becomes Plotly JSON through {@link
 * descent.plot.FigureJson} (compact: typed arrays, long lines decimated, titles wrapped), an HTML fallback through
 * {@link descent.plot.FigureHtml} (no plotly.js in any output; {@code ./descent run} adds a picture) and a standalone
 * page through {@link descent.plot.Plots#show}. Strings go through {@link descent.plot.Json},
 * so names and titles may contain quotes, backslashes or {@code </script>}.
 */
package descent.plot;
