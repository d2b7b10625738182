/**
 * NetTwin's chart vocabulary, rendered headless to PNG through JFreeChart:
 * {@link org.nettwin.plot.LineChart} (lines, means over seeds with a {@link org.nettwin.plot.Band},
 * scatter, steps, CDFs, dashed reference lines; linear or log axes; legend below the plot) and
 * {@link org.nettwin.plot.HeatMap} (a continuous surface with iso-lines, or a matrix of named cells
 * with printed values), with {@link org.nettwin.plot.SeedCurves} and
 * {@link org.nettwin.plot.EmpiricalCdf} to prepare data. Files are written atomically (temporary
 * file, then a move); the same chart gives the same bytes.
 *
 * @since 0.1
 */
@org.osgi.annotation.versioning.Version("0.1.0")
package org.nettwin.plot;
