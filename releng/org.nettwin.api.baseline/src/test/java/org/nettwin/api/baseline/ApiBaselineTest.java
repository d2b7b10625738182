package org.nettwin.api.baseline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import aQute.bnd.osgi.Jar;

/**
 * The build's API baseline check: every bundle in {@code baseline/} (the API bundles as they were
 * at the last re-baselining) against the same bundle as built now. Fails listing each package
 * whose API changed without the version bump it needs.
 */
class ApiBaselineTest {

    static final Path BASELINE = Path.of(System.getProperty("nettwin.baseline"));
    static final Path BUNDLES = Path.of(System.getProperty("nettwin.bundles"));

    static final String HOW_TO_FIX = """

            Each package above changed its API without the version its importers rely on. Either
              - bump its version where the message says: Export-Package in the bundle's META-INF/MANIFEST.MF
                and @Version in its package-info.java (and widen the importers' Import-Package ranges if the
                minor digit of a 0.x package changed), or
              - if the change is accepted as it is (at a release), re-baseline:
                ./mvnw -o -Papi-rebaseline -DskipTests -pl releng/org.nettwin.api.baseline -am verify
            (releng/org.nettwin.api.baseline/README.md)""";

    @Test
    void everyApiBundleKeepsItsBaselineOrBumpsItsPackageVersions() throws Exception {
        List<Path> baselineJars;
        try (var files = Files.list(BASELINE)) {
            baselineJars = files.filter(f -> f.getFileName().toString().endsWith(".jar")).sorted().toList();
        }
        assertTrue(baselineJars.size() >= 9, "the baseline holds the API bundles: " + baselineJars);
        List<String> problems = new ArrayList<>();
        for (Path old : baselineJars) {
            String bundle = old.getFileName().toString().replaceFirst("\\.jar$", "");
            Path built = built(bundle);
            if (built == null) {
                problems.add(bundle + ": in the baseline but not built (bundles/" + bundle + "/target/): removing an API bundle breaks "
                        + "its importers");
                continue;
            }
            try (Jar newer = new Jar(built.toFile()); Jar older = new Jar(old.toFile())) {
                for (String p : ApiBaseline.problems(newer, older)) {
                    problems.add("[" + bundle + "] " + p);
                }
            }
        }
        System.out.println("API baseline: " + baselineJars.size() + " bundles compared with " + BASELINE);
        assertTrue(problems.isEmpty(), "API baseline check failed:\n  " + String.join("\n  ", problems) + HOW_TO_FIX);
    }

    /** The jar built from bundles/BUNDLE now, or null. */
    static Path built(String bundle) throws IOException {
        Path target = BUNDLES.resolve(bundle).resolve("target");
        if (!Files.isDirectory(target)) {
            return null;
        }
        try (var files = Files.list(target)) {
            List<Path> jars = files.filter(f -> f.getFileName().toString().matches("\\Q" + bundle + "\\E-\\d[^-]*(-SNAPSHOT)?\\.jar")).toList();
            assertEquals(1, jars.size(), "one jar of " + bundle + " in " + target + ": " + jars);
            return jars.get(0);
        }
    }
}
