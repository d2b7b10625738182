package org.nettwin.lab.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nettwin.api.NetTwinPlugin;
import org.nettwin.api.PluginDescriptor;
import org.nettwin.api.config.Config;
import org.nettwin.api.rl.Algorithm;
import org.nettwin.api.rl.AlgorithmProvider;
import org.nettwin.api.rl.EnvironmentSpec;
import org.nettwin.api.rl.Policy;
import org.nettwin.api.run.TrainingListener;
import org.nettwin.api.scenario.Scenario;
import org.nettwin.api.scenario.ScenarioProvider;
import org.nettwin.api.testkit.ParallelRandomWalkEnvironment;
import org.nettwin.lab.Experiment;
import org.nettwin.lab.ExperimentRunner;
import org.nettwin.lab.PluginCatalog;
import org.nettwin.lab.PluginKind;
import org.nettwin.lab.RunOptions;
import org.nettwin.lab.RunResult;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceRegistration;
import org.osgi.util.tracker.ServiceTracker;

/**
 * Plugins registered as plain services (as any bundle could): a multi-agent scenario runs through
 * the runner, and an algorithm that throws mid-run fails that run cleanly without harming the
 * runtime or leaving files behind.
 */
class RegisteredPluginsIT {

    @TempDir
    Path dir;

    BundleContext context;
    ExperimentRunner runner;
    PluginCatalog catalog;
    ServiceRegistration<ScenarioProvider> walk;
    ServiceRegistration<AlgorithmProvider> throwing;

    /** A parallel multi-agent scenario backed by the test kit's reference environment. */
    static final class ParallelWalkProvider implements ScenarioProvider {
        @Override
        public PluginDescriptor descriptor() {
            return new PluginDescriptor("test/ParallelWalk-v1", "parallel random walk", "test kit reference environment");
        }

        @Override
        public Scenario create(Config config, long seed) {
            return new Scenario.Multi(new ParallelRandomWalkEnvironment());
        }
    }

    /** An algorithm that fails after some steps, as a buggy plugin would. */
    static final class ThrowingProvider implements AlgorithmProvider {
        @Override
        public PluginDescriptor descriptor() {
            return new PluginDescriptor("test/throwing", "throws", "fails during learning");
        }

        @Override
        public Optional<String> incompatibility(EnvironmentSpec spec, Config config) {
            return Optional.empty();
        }

        @Override
        public Algorithm create(EnvironmentSpec spec, Config config, long seed) {
            return new Algorithm() {
                @Override
                public long learn(Scenario scenario, long steps, TrainingListener listener) {
                    listener.onMetric(1, "loss", 0.5);
                    throw new IllegalStateException("gradient exploded");
                }

                @Override
                public Policy<?, ?> policy(int agent) {
                    throw new IllegalStateException("no policy");
                }
            };
        }

        @Override
        public Policy<?, ?> loadPolicy(EnvironmentSpec spec, InputStream in) throws IOException {
            throw new IOException("nothing to load");
        }
    }

    static Hashtable<String, Object> id(String id) {
        Hashtable<String, Object> p = new Hashtable<>();
        p.put(NetTwinPlugin.ID_PROPERTY, id);
        return p;
    }

    @BeforeEach
    void setUp() throws InterruptedException {
        context = FrameworkUtil.getBundle(RegisteredPluginsIT.class).getBundleContext();
        ServiceTracker<ExperimentRunner, ExperimentRunner> t = new ServiceTracker<>(context, ExperimentRunner.class, null);
        t.open();
        runner = t.waitForService(10_000);
        t.close();
        catalog = context.getService(context.getServiceReference(PluginCatalog.class));
        assertNotNull(runner);
        walk = context.registerService(ScenarioProvider.class, new ParallelWalkProvider(), id("test/ParallelWalk-v1"));
        throwing = context.registerService(AlgorithmProvider.class, new ThrowingProvider(), id("test/throwing"));
    }

    @AfterEach
    void tearDown() {
        walk.unregister();
        throwing.unregister();
    }

    Experiment experiment(String algorithm) throws IOException {
        Path f = dir.resolve(algorithm.replace('/', '-') + ".json");
        Files.writeString(f, """
                {"name": "walk", "scenario": {"id": "test/ParallelWalk-v1"}, "algorithm": {"id": "%s"},
                 "budget": {"steps": 500, "evalEpisodes": 2}, "seeds": [3]}
                """.formatted(algorithm));
        return runner.load(f);
    }

    @Test
    void aMultiAgentScenarioRunsThroughTheRunner() throws IOException {
        RunResult r = runner.run(experiment("rl/random"), new RunOptions(dir.resolve("multi"), null));
        Map<?, ?> seed = (Map<?, ?>) ((List<?>) r.summary().get("per_seed")).get(0);
        assertEquals(500L, ((Number) seed.get("steps")).longValue());
        assertTrue(((Number) seed.get("episodes")).longValue() > 0, "parallel episodes end and are reported");
        assertTrue(Double.isFinite(((Number) seed.get("eval_return")).doubleValue()));
        assertTrue(Files.readString(r.folder().resolve("metrics.csv")).contains("eval_return"));
    }

    @Test
    void aPluginThatThrowsMidRunFailsOnlyThatRunAndLeavesNothing() throws IOException {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> runner.run(experiment("test/throwing"), new RunOptions(dir.resolve("failed"), null)));
        assertEquals("gradient exploded", e.getMessage());
        try (Stream<Path> files = Files.list(dir)) {
            List<String> names = files.map(p -> p.getFileName().toString()).toList();
            assertFalse(names.contains("failed"), names.toString());
            assertTrue(names.stream().noneMatch(n -> n.contains("partial")), "no staging folder left: " + names);
        }
        assertTrue(catalog.list().stream().anyMatch(p -> p.kind() == PluginKind.ALGORITHM && p.id().equals("rl/random")),
                "the runtime is unharmed");
        RunResult after = runner.run(experiment("rl/random"), new RunOptions(dir.resolve("after"), null));
        assertEquals(500L, ((Number) ((Map<?, ?>) ((List<?>) after.summary().get("per_seed")).get(0)).get("steps")).longValue());
    }
}
