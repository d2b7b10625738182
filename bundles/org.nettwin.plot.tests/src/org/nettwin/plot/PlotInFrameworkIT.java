package org.nettwin.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;

/** java.awt and javax.imageio resolve for the bundle inside Equinox (JRE packages via the system bundle). */
class PlotInFrameworkIT {

    @Test
    void rendersInsideTheFramework() throws Exception {
        Bundle bundle = FrameworkUtil.getBundle(LineChart.class);
        assertNotNull(bundle, "loaded by an OSGi bundle class loader");
        assertEquals("org.nettwin.plot", bundle.getSymbolicName());
        assertTrue((bundle.getState() & (Bundle.RESOLVED | Bundle.STARTING | Bundle.ACTIVE)) != 0, "resolved");
        Class<?> imageIo = bundle.loadClass("javax.imageio.ImageIO");
        assertEquals(ImageIO.class, imageIo);
        byte[] png = new LineChart("in OSGi", "x", "y").series("s", new double[] {0, 1}, new double[] {0, 1}).toPng(200, 150);
        BufferedImage img = ImageIO.read(new ByteArrayInputStream(png));
        assertEquals(150, img.getHeight());
    }
}
