package org.nettwin.nn.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * The same bits at every vector width (issue 10): {@link KernelWidthProbe} runs every kernel, the
 * activations, the LSTM cell and training steps of each network kind in child JVMs whose
 * preferred species differ — {@code -XX:MaxVectorSize=16} (2 doubles), {@code 32} (4) and the
 * machine's default (8 with AVX-512), AVX2 code ({@code -XX:UseAVX=2}), SSE code without FMA
 * instructions ({@code -XX:UseAVX=0}: vector and scalar {@code fma} in Java) and the interpreter
 * ({@code -Xint}: the Vector API's Java fallback at the default width) — and every JVM must print
 * the same hashes, before and after C2 has compiled the kernels. The kernels before this rule
 * gave three different hashes at 128, 256 and 512 bits. About 45 s.
 */
class KernelWidthTest {

    private static final Pattern LINE = Pattern.compile("bits=(\\d+) cold=(\\p{XDigit}{64}) hot=(\\p{XDigit}{64}|-)");

    @Test
    void everyVectorWidthAndEveryPathGivesTheSameBits() throws Exception {
        Map<String, List<String>> runs = new LinkedHashMap<>();
        runs.put("MaxVectorSize=16", List.of("-XX:MaxVectorSize=16"));
        runs.put("MaxVectorSize=32", List.of("-XX:MaxVectorSize=32"));
        runs.put("default", List.of());
        runs.put("UseAVX=2", List.of("-XX:UseAVX=2"));
        runs.put("UseAVX=0", List.of("-XX:UseAVX=0"));
        runs.put("Xint", List.of("-Xint"));

        Map<String, Matcher> results = new LinkedHashMap<>();
        for (Map.Entry<String, List<String>> run : runs.entrySet()) {
            // without FMA instructions every Math.fma takes the exact BigDecimal path: one round only
            boolean coldOnly = run.getKey().equals("Xint") || run.getKey().equals("UseAVX=0");
            results.put(run.getKey(), probe(run.getValue(), coldOnly));
        }

        String cold = results.get("default").group(2);
        TreeSet<Integer> widths = new TreeSet<>();
        for (Map.Entry<String, Matcher> r : results.entrySet()) {
            Matcher m = r.getValue();
            widths.add(Integer.parseInt(m.group(1)));
            assertEquals(cold, m.group(2), r.getKey() + " (" + m.group(1) + "-bit vectors), first calls: " + describe(results));
            if (!m.group(3).equals("-")) {
                assertEquals(cold, m.group(3), r.getKey() + " (" + m.group(1) + "-bit vectors), compiled: " + describe(results));
            }
        }
        assertEquals(128, Integer.parseInt(results.get("MaxVectorSize=16").group(1)), "MaxVectorSize=16 gives 2-lane vectors");
        assertTrue(widths.size() >= 2, "the JVMs compared really had other vector widths: " + widths);
    }

    private static String describe(Map<String, Matcher> results) {
        StringBuilder s = new StringBuilder();
        results.forEach((k, m) -> s.append("\n  ").append(k).append(": ").append(m.group()));
        return s.toString();
    }

    /** Runs the probe in a JVM with the given options and returns its parsed line. */
    private static Matcher probe(List<String> options, boolean coldOnly) throws Exception {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("--add-modules=" + VectorModule.NAME);
        cmd.addAll(options);
        cmd.add("-cp");
        cmd.add(location(Kernels.class) + File.pathSeparator + location(KernelWidthProbe.class));
        cmd.add(KernelWidthProbe.class.getName());
        if (coldOnly) {
            cmd.add("cold");
        }
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        byte[] out;
        try {
            out = p.getInputStream().readAllBytes();
            assertTrue(p.waitFor(300, TimeUnit.SECONDS), "probe ended: " + cmd);
        } finally {
            p.destroyForcibly();
        }
        String text = new String(out, StandardCharsets.UTF_8);
        assertEquals(0, p.exitValue(), cmd + "\n" + text);
        Matcher m = LINE.matcher(text);
        assertTrue(m.find(), "probe printed its hashes: " + cmd + "\n" + text);
        return m;
    }

    /** The folder or jar a class was loaded from (the bundle's classes, or the fragment's). */
    private static String location(Class<?> type) throws URISyntaxException {
        return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
    }
}
