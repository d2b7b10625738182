package org.nettwin.product.tests;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Jars that do not become working plugins, one of each kind a user drops into the plugins folder
 * by mistake, written as real files. Each is made whole beside the folder and then moved in, as an
 * operator's copy should appear (a watching runtime never sees half a jar).
 */
final class BrokenJars {

    /** File name, and what its failure line must say. */
    static final Map<String, String> EXPECTED = new LinkedHashMap<>();

    static {
        EXPECTED.put("plain.jar", "plain.jar: not a bundle: its manifest has no Bundle-SymbolicName");
        EXPECTED.put("broken-manifest.jar", "broken-manifest.jar: malformed META-INF/MANIFEST.MF: invalid header field (line 3)");
        EXPECTED.put("bad-version.jar", "bad-version.jar: [example.badversion 1.x]: the framework refused it: Invalid Manifest header \"Bundle-Version\": 1.x");
        EXPECTED.put("unresolvable.jar", "unresolvable.jar: [example.unresolvable 1.0.0]: bundle does not resolve: ");
        EXPECTED.put("broken-constructor.jar",
                "broken-constructor.jar: example/Broken-v1 [example.broken 1.0.0]: IllegalStateException: no licence file (in BrokenProvider.<init>)");
        EXPECTED.put("truncated.jar", "truncated.jar: not a readable jar (zip): zip END header not found");
        EXPECTED.put("random-copy.jar", "random-copy.jar: [org.nettwin.rl.baseline ");
    }

    private BrokenJars() {
    }

    /** Writes every jar of {@link #EXPECTED} into {@code folder}. */
    static void writeAll(Path folder, Path goodJar) throws IOException {
        for (String name : EXPECTED.keySet()) {
            write(folder, name, goodJar);
        }
    }

    static void write(Path folder, String name, Path goodJar) throws IOException {
        Path part = folder.resolveSibling(name + ".part");
        switch (name) {
            case "plain.jar" -> zip(part, "Manifest-Version: 1.0\r\nMain-Class: example.Main\r\n\r\n", Map.of("example/readme.txt", bytes("x")));
            case "broken-manifest.jar" -> zip(part,
                    "Manifest-Version: 1.0\r\nBundle-SymbolicName: example.broken.manifest\r\nthis line has no colon\r\n\r\n", Map.of());
            case "bad-version.jar" -> zip(part, bundleManifest("example.badversion", "1.x", ""), Map.of());
            case "unresolvable.jar" -> zip(part, bundleManifest("example.unresolvable", "1.0.0",
                    "Import-Package: com.example.nowhere\r\nService-Component: OSGI-INF/provider.xml\r\n"),
                    Map.of("OSGI-INF/provider.xml", bytes(component("example.unresolvable.Provider", "example/Unresolvable-v1"))));
            case "broken-constructor.jar" -> zip(part, bundleManifest("example.broken", "1.0.0",
                    "Import-Package: org.nettwin.api.scenario\r\nService-Component: OSGI-INF/provider.xml\r\n"),
                    Map.of("OSGI-INF/provider.xml", bytes(component("example.broken.BrokenProvider", "example/Broken-v1")),
                            "example/broken/BrokenProvider.class", classFile("example/broken/BrokenProvider.class")));
            case "truncated.jar" -> {
                byte[] whole = Files.readAllBytes(goodJar);
                Files.write(part, Arrays.copyOf(whole, whole.length / 2)); // an interrupted copy
            }
            case "random-copy.jar" -> {
                // the product's own rl/random bundle, copied into the folder: same name and version
                try (var files = Files.list(Runtime.PRODUCT.resolve("plugins"))) {
                    Files.copy(files.filter(f -> f.getFileName().toString().startsWith("org.nettwin.rl.baseline_")).findFirst()
                            .orElseThrow(), part, StandardCopyOption.REPLACE_EXISTING);
                }
            }
            default -> throw new IllegalArgumentException(name);
        }
        Files.move(part, folder.resolve(name), StandardCopyOption.REPLACE_EXISTING);
    }

    /** Replaces {@code name} in {@code folder} with {@code jar}, whole. */
    static void replace(Path folder, String name, Path jar) throws IOException {
        Path part = folder.resolveSibling(name + ".part");
        Files.copy(jar, part, StandardCopyOption.REPLACE_EXISTING);
        Files.move(part, folder.resolve(name), StandardCopyOption.REPLACE_EXISTING);
    }

    private static String bundleManifest(String name, String version, String more) {
        return "Manifest-Version: 1.0\r\nBundle-ManifestVersion: 2\r\nBundle-SymbolicName: " + name + "\r\nBundle-Version: " + version + "\r\n"
                + more + "\r\n";
    }

    private static String component(String implementation, String id) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <scr:component xmlns:scr="http://www.osgi.org/xmlns/scr/v1.3.0" name="%s">
                  <implementation class="%s"/>
                  <service><provide interface="org.nettwin.api.scenario.ScenarioProvider"/></service>
                  <property name="nettwin.id" value="%s"/>
                </scr:component>
                """.formatted(implementation, implementation, id);
    }

    /** A zip whose manifest is written byte for byte (java.util.jar would refuse to write a malformed one). */
    private static void zip(Path file, String manifest, Map<String, byte[]> entries) throws IOException {
        try (OutputStream out = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("META-INF/MANIFEST.MF"));
            zip.write(bytes(manifest));
            zip.closeEntry();
            for (Map.Entry<String, byte[]> e : new java.util.TreeMap<>(entries).entrySet()) {
                zip.putNextEntry(new ZipEntry(e.getKey()));
                zip.write(e.getValue());
                zip.closeEntry();
            }
        }
    }

    private static byte[] classFile(String resource) throws IOException {
        try (InputStream in = BrokenJars.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is not on the test class path");
            }
            return in.readAllBytes();
        }
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
