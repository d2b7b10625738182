package org.nettwin.lab.tests;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;

/** Builds real, deliberately broken plugin bundles in memory and installs them. */
final class TestBundles {

    private TestBundles() {
    }

    /**
     * A bundle whose DS component offers a scenario service but names an implementation class
     * that does not exist: the service is registered, and activating it fails.
     */
    static Bundle installComponentThatFailsToActivate(BundleContext context, String bsn, String id) throws IOException, BundleException {
        return install(context, bsn, "org.nettwin.api.scenario", scenarioComponent(bsn, bsn + ".DoesNotExist", id));
    }

    /**
     * A bundle whose DS component offers a scenario service with a real implementation class
     * ({@link org.nettwin.lab.tests.fixtures.UnlicensedProvider}, copied in) whose constructor throws.
     */
    static Bundle installComponentWhoseConstructorThrows(BundleContext context, String bsn, String id) throws IOException, BundleException {
        Class<?> implementation = org.nettwin.lab.tests.fixtures.UnlicensedProvider.class;
        String xml = scenarioComponent(bsn, implementation.getName(), id);
        String classFile = implementation.getName().replace('.', '/') + ".class";
        byte[] bytes;
        try (var in = implementation.getClassLoader().getResourceAsStream(classFile)) {
            bytes = in.readAllBytes();
        }
        return install(context, bsn, "org.nettwin.api.scenario", xml, classFile, bytes);
    }

    /** A DS component named {@code BSN.Provider} offering a scenario service {@code id}, implemented by {@code implementation}. */
    private static String scenarioComponent(String bsn, String implementation, String id) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <scr:component xmlns:scr="http://www.osgi.org/xmlns/scr/v1.3.0" name="%s.Provider">
                  <implementation class="%s"/>
                  <service><provide interface="org.nettwin.api.scenario.ScenarioProvider"/></service>
                  <property name="nettwin.id" value="%s"/>
                </scr:component>
                """.formatted(bsn, implementation, id);
    }

    /** A plugin bundle that imports a package nobody exports, so it never resolves. */
    static Bundle installUnresolvable(BundleContext context, String bsn) throws IOException, BundleException {
        String xml = """
                <?xml version="1.0" encoding="UTF-8"?>
                <scr:component xmlns:scr="http://www.osgi.org/xmlns/scr/v1.3.0" name="%s.Provider">
                  <implementation class="%s.Provider"/>
                </scr:component>
                """.formatted(bsn, bsn);
        return install(context, bsn, "org.nettwin.api.scenario,com.example.nowhere;version=\"[9,10)\"", xml);
    }

    private static Bundle install(BundleContext context, String bsn, String imports, String componentXml) throws IOException, BundleException {
        return install(context, bsn, imports, componentXml, null, null);
    }

    private static Bundle install(BundleContext context, String bsn, String imports, String componentXml, String extraEntry, byte[] extraBytes)
            throws IOException, BundleException {
        Manifest mf = new Manifest();
        Attributes a = mf.getMainAttributes();
        a.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        a.putValue("Bundle-ManifestVersion", "2");
        a.putValue("Bundle-SymbolicName", bsn);
        a.putValue("Bundle-Version", "1.0.0");
        a.putValue("Import-Package", imports);
        a.putValue("Service-Component", "OSGI-INF/component.xml");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JarOutputStream jar = new JarOutputStream(bytes, mf)) {
            jar.putNextEntry(new JarEntry("OSGI-INF/component.xml"));
            jar.write(componentXml.getBytes(StandardCharsets.UTF_8));
            jar.closeEntry();
            if (extraEntry != null) {
                jar.putNextEntry(new JarEntry(extraEntry));
                jar.write(extraBytes);
                jar.closeEntry();
            }
        }
        return context.installBundle("test:" + bsn, new ByteArrayInputStream(bytes.toByteArray()));
    }
}
