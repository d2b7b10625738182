package org.nettwin.api.baseline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.tools.ToolProvider;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.annotation.versioning.ProviderType;

import aQute.bnd.osgi.Jar;

/**
 * The check's rule on a small API compiled here, old and new: what fails, with which message, and
 * what passes (an implementation change, a correct bump, a new package).
 */
class ApiBaselinePolicyTest {

    @TempDir
    Path work;

    static final String LISTENER = "package example.api; public interface Listener { void started(); }";
    static final String CATALOG = """
            package example.api;
            @org.osgi.annotation.versioning.ProviderType
            public interface Catalog { int size(); }
            """;
    static final String NAMES = """
            package example.api;
            public final class Names { public static String of(int i) { return "n" + i; } public static int parse(String s) { return 1; } }
            """;

    List<String> problems(Map<String, String> oldSources, String oldVersions, Map<String, String> newSources, String newVersions)
            throws Exception {
        try (Jar older = bundle("old", oldSources, oldVersions); Jar newer = bundle("new", newSources, newVersions)) {
            return ApiBaseline.problems(newer, older);
        }
    }

    /** Compiles {@code sources} (file name to text) into a bundle that exports {@code exports}. */
    Jar bundle(String name, Map<String, String> sources, String exports) throws Exception {
        Path src = Files.createDirectories(work.resolve(name + "-src"));
        Path classes = Files.createDirectories(work.resolve(name + "-classes"));
        List<String> args = new ArrayList<>(List.of("-d", classes.toString(), "-cp", annotationsJar(), "--release", "21"));
        for (Map.Entry<String, String> e : sources.entrySet()) {
            Path file = src.resolve(e.getKey());
            Files.writeString(file, e.getValue());
            args.add(file.toString());
        }
        assertEquals(0, ToolProvider.getSystemJavaCompiler().run(null, null, null, args.toArray(String[]::new)), "compiles");
        Files.createDirectories(classes.resolve("META-INF"));
        Files.writeString(classes.resolve("META-INF/MANIFEST.MF"), "Manifest-Version: 1.0\r\nBundle-ManifestVersion: 2\r\n"
                + "Bundle-SymbolicName: example\r\nBundle-Version: 0.1.0\r\nExport-Package: " + exports + "\r\n\r\n");
        return new Jar(classes.toFile());
    }

    static String annotationsJar() throws Exception {
        return new File(ProviderType.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
    }

    static final String V010 = "example.api;version=\"0.1.0\"";

    @Test
    void aMethodAddedToAConsumerTypeNeedsTheNextMinorOfA0xPackage() throws Exception {
        List<String> p = problems(Map.of("Listener.java", LISTENER), V010,
                Map.of("Listener.java", LISTENER.replace("void started();", "void started(); void stopped();")), V010);
        assertEquals(1, p.size(), p.toString());
        assertTrue(p.get(0).startsWith("example.api: MAJOR change — version 0.1.0 must be at least 0.2.0 (it breaks the package's consumers)"),
                p.get(0));
        assertTrue(p.get(0).contains("interface example.api.Listener: ADDED method stopped()"), p.get(0));
    }

    @Test
    void aRemovedMethodIsMajorAndTheBumpedVersionPasses() throws Exception {
        Map<String, String> removed = Map.of("Names.java", NAMES.replace(" public static int parse(String s) { return 1; }", ""));
        List<String> p = problems(Map.of("Names.java", NAMES), V010, removed, V010);
        assertTrue(p.size() == 1 && p.get(0).contains("MAJOR change — version 0.1.0 must be at least 0.2.0")
                && p.get(0).contains("class example.api.Names: REMOVED method parse(java.lang.String)"), p.toString());
        assertEquals(List.of(), problems(Map.of("Names.java", NAMES), V010, removed, "example.api;version=\"0.2.0\""));
    }

    @Test
    void aMethodAddedToAProviderTypeNeedsTheNextMicroOfA0xPackage() throws Exception {
        Map<String, String> added = Map.of("Catalog.java", CATALOG.replace("int size();", "int size(); boolean isEmpty();"));
        List<String> p = problems(Map.of("Catalog.java", CATALOG), V010, added, V010);
        assertTrue(p.size() == 1 && p.get(0).startsWith("example.api: MINOR change — version 0.1.0 must be at least 0.1.1 (providers"),
                p.toString());
        assertEquals(List.of(), problems(Map.of("Catalog.java", CATALOG), V010, added, "example.api;version=\"0.1.1\""));
    }

    @Test
    void anImplementationChangeAndANewPackagePass() throws Exception {
        Map<String, String> changedBody = Map.of("Names.java", NAMES.replace("\"n\" + i", "\"name-\" + i"),
                "Extra.java", "package example.extra; public interface Extra { }");
        assertEquals(List.of(), problems(Map.of("Names.java", NAMES), V010, changedBody, V010 + ",example.extra;version=\"0.1.0\""));
    }

    @Test
    void aRemovedPackageAlwaysFails() throws Exception {
        Map<String, String> both = Map.of("Names.java", NAMES, "Extra.java", "package example.extra; public interface Extra { }");
        List<String> p = problems(both, V010 + ",example.extra;version=\"0.1.0\"", both, V010);
        assertTrue(p.size() == 1 && p.get(0).startsWith("example.extra: REMOVED — the baseline exports it at 0.1.0"), p.toString());
    }

    @Test
    void from1On_bndsUsualRuleApplies() {
        assertEquals("2.0.0", ApiBaseline.required(aQute.bnd.service.diff.Delta.MAJOR, new aQute.bnd.version.Version(1, 3, 2)).toString());
        assertEquals("1.4.0", ApiBaseline.required(aQute.bnd.service.diff.Delta.MINOR, new aQute.bnd.version.Version(1, 3, 2)).toString());
        assertEquals("0.4.0", ApiBaseline.required(aQute.bnd.service.diff.Delta.MAJOR, new aQute.bnd.version.Version(0, 3, 2)).toString());
    }
}
