/**
 * Headless PNG charts drawn with java.awt and written with ImageIO: {@link org.nettwin.plot.LineChart}
 * (several named series, legend, ticked axes) and {@link org.nettwin.plot.HeatMap} (a grid of values
 * with a colour scale and iso-lines). Files are written atomically (temporary file, then a move).
 *
 * @since 0.1
 */
@org.osgi.annotation.versioning.Version("0.1.0")
package org.nettwin.plot;
