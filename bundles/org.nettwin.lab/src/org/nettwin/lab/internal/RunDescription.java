package org.nettwin.lab.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.nettwin.api.experiment.PluginUse;
import org.nettwin.api.experiment.Section;
import org.nettwin.lab.Experiment;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;

/**
 * The content of {@code experiment.json}: the experiment as resolved (every section with
 * defaults filled in, the plugins' ids, bundles and versions), the seeds, what the study adds
 * (seed derivation, variants), and the runtime it ran on — Java, OS, CPU model and the vector
 * width the network kernels see — so a result can be traced and repeated.
 */
final class RunDescription {

    private RunDescription() {
    }

    /** @return the symbolic names and versions of the API, the lab, the kind and every plugin the experiment uses */
    static Map<String, String> bundles(ExperimentResolution r) {
        Map<String, String> bundles = new LinkedHashMap<>();
        for (Class<?> c : List.of(PluginUse.class, RunDescription.class)) {
            Bundle b = FrameworkUtil.getBundle(c);
            if (b != null) {
                bundles.put(b.getSymbolicName(), b.getVersion().toString());
            }
        }
        bundles.put(r.kind().entry().bundle(), r.kind().entry().version());
        for (PluginUse<?> use : r.plugins().values()) {
            bundles.put(use.bundle(), use.version());
        }
        for (PluginUse<?> use : r.named().values()) {
            bundles.put(use.bundle(), use.version());
        }
        return bundles;
    }

    static Map<String, Object> of(ExperimentResolution r, BundleContext context) {
        Experiment e = r.experiment();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", e.name());
        m.put("description", e.description());
        m.put("source", e.file().toAbsolutePath().normalize().toString());
        m.put("type", e.type());
        m.put("kind", Map.of("id", r.kind().entry().id(), "bundle", r.kind().entry().bundle(), "version", r.kind().entry().version()));
        Map<String, String> bundles = bundles(r);
        for (Section s : r.declared().values()) {
            if (s instanceof Section.Plugin) {
                PluginUse<?> use = r.plugins().get(s.name());
                if (use == null) {
                    continue;
                }
                Map<String, Object> p = new LinkedHashMap<>();
                p.put("id", use.id());
                p.put("bundle", use.bundle());
                p.put("version", use.version());
                p.put("config", use.config().asMap());
                if (use.policy() != null) {
                    p.put("policy", use.policy().toString());
                }
                if (r.allSettings().containsKey(s.name())) {
                    p.putAll(r.allSettings().get(s.name()).asMap());
                }
                m.put(s.name(), p);
            } else if (r.allSettings().containsKey(s.name())) {
                m.put(s.name(), r.allSettings().get(s.name()).asMap());
            }
        }
        m.put("seeds", e.seeds());
        m.putAll(r.study().resolved());
        Map<String, Object> runtime = new LinkedHashMap<>();
        runtime.put("java", System.getProperty("java.version") + " (" + System.getProperty("java.vm.name") + ", "
                + System.getProperty("java.vendor") + ")");
        runtime.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"));
        runtime.put("cpu", cpuModel());
        runtime.put("cores", Runtime.getRuntime().availableProcessors());
        runtime.put("vector_bits", vectorBits());
        runtime.put("threads", UnitExecutor.threads());
        runtime.put("framework", context.getBundle(0).getSymbolicName() + " " + context.getBundle(0).getVersion());
        runtime.put("bundles", bundles);
        m.put("runtime", runtime);
        return m;
    }

    /** @return the CPU's model name as the OS reports it, or "unknown" */
    static String cpuModel() {
        Path info = Path.of("/proc/cpuinfo");
        if (Files.isReadable(info)) {
            try (Stream<String> lines = Files.lines(info)) {
                return lines.filter(l -> l.startsWith("model name")).map(l -> l.substring(l.indexOf(':') + 1).trim()).findFirst()
                        .orElse("unknown");
            } catch (IOException | java.io.UncheckedIOException e) {
                return "unknown";
            }
        }
        String id = System.getenv("PROCESSOR_IDENTIFIER");
        return id == null ? "unknown (" + System.getProperty("os.arch") + ")" : id;
    }

    /**
     * @return the preferred vector size of doubles in bits (the Vector API's SPECIES_PREFERRED), or
     *         0 when the JVM runs without the incubator module; read reflectively because the lab
     *         does not import the incubator package
     */
    static int vectorBits() {
        try {
            Class<?> vector = Class.forName("jdk.incubator.vector.DoubleVector");
            Object species = vector.getField("SPECIES_PREFERRED").get(null);
            return (Integer) Class.forName("jdk.incubator.vector.VectorSpecies").getMethod("vectorBitSize").invoke(species);
        } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
            return 0;
        }
    }
}
