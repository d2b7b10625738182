package org.nettwin.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.GraphicsEnvironment;
import java.awt.image.BufferedImage;
import java.util.List;

import javax.imageio.ImageIO;

import org.jfree.chart.JFreeChart;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;

/**
 * Inside Equinox: the plot bundle and the wrapped JFreeChart bundle resolve (java.awt boot-delegated,
 * javax.* from the system bundle), JFreeChart is loaded by its own bundle, and every kind of chart
 * renders headless.
 */
class PlotInFrameworkIT {

    @Test
    void rendersInsideTheFramework() throws Exception {
        assertTrue(GraphicsEnvironment.isHeadless(), "the test runtime is headless, like the product");
        Bundle bundle = FrameworkUtil.getBundle(LineChart.class);
        assertNotNull(bundle, "loaded by an OSGi bundle class loader");
        assertEquals("org.nettwin.plot", bundle.getSymbolicName());
        assertTrue((bundle.getState() & (Bundle.RESOLVED | Bundle.STARTING | Bundle.ACTIVE)) != 0, "resolved");
        assertEquals(ImageIO.class, bundle.loadClass("javax.imageio.ImageIO"));
        Bundle jfree = FrameworkUtil.getBundle(bundle.loadClass(JFreeChart.class.getName()));
        assertNotNull(jfree, "JFreeChart comes from a bundle");
        assertEquals("org.jfree.jfreechart", jfree.getSymbolicName());
        assertEquals(1, jfree.getVersion().getMajor());
        assertEquals(5, jfree.getVersion().getMinor());

        double[] x = {1, 10, 100};
        byte[] png = new LineChart("in OSGi", "x", "y").logX().logY().series("s", x, x)
                .seriesOverSeeds("band", x, new double[][] {{1, 2, 3}, {2, 3, 4}}).cdf("cdf", x).toPng(300, 200);
        BufferedImage img = ImageIO.read(new java.io.ByteArrayInputStream(png));
        assertEquals(200, img.getHeight());
        List<String> names = List.of("a", "b");
        png = HeatMap.matrix("matrix", "x", "y", names, names, new double[][] {{1, 0}, {0, 1}}).cellValues("%.1f").toPng(300, 250);
        assertEquals(250, ImageIO.read(new java.io.ByteArrayInputStream(png)).getHeight());
        png = new HeatMap("surface", "x", "y", new double[] {0, 1}, new double[] {0, 1}, new double[][] {{0, 1}, {1, 2}})
                .toPng(300, 250);
        assertEquals(300, ImageIO.read(new java.io.ByteArrayInputStream(png)).getWidth());
    }
}
