package org.nettwin.lab.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.nettwin.api.scenario.ScenarioProvider;
import org.nettwin.lab.FailedPlugin;
import org.nettwin.lab.PluginCatalog;
import org.nettwin.lab.PluginEntry;
import org.nettwin.lab.PluginKind;
import org.nettwin.lab.PluginLease;
import org.nettwin.lab.PluginSource;
import org.nettwin.lab.UnknownPluginException;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceRegistration;
import org.osgi.util.tracker.ServiceTracker;

/** The catalog in the real framework: services come and go with bundles; broken plugins are isolated. */
class PluginCatalogIT {

    static final String EXAMPLE = "example/ChannelAccess-v1";

    BundleContext context;
    PluginCatalog catalog;

    @BeforeEach
    void setUp() throws InterruptedException {
        context = FrameworkUtil.getBundle(PluginCatalog.class).getBundleContext();
        assertNotNull(context, "the lab bundle must be active");
        ServiceTracker<PluginCatalog, PluginCatalog> t = new ServiceTracker<>(context, PluginCatalog.class, null);
        t.open();
        catalog = t.waitForService(10_000);
        t.close();
        assertNotNull(catalog, "PluginCatalog service registered by Declarative Services");
        await(() -> ids(PluginKind.SCENARIO).contains(EXAMPLE), "example scenario registered");
    }

    List<String> ids(PluginKind kind) {
        return catalog.list().stream().filter(e -> e.kind() == kind).map(PluginEntry::id).toList();
    }

    Bundle bundle(String bsn) {
        return Arrays.stream(context.getBundles()).filter(b -> bsn.equals(b.getSymbolicName())).findFirst().orElseThrow();
    }

    static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for: " + what);
            }
            Thread.sleep(20);
        }
    }

    @Test
    void listsShippedPluginsWithTheirBundles() {
        PluginEntry random = catalog.list().stream().filter(e -> e.id().equals("rl/random")).findFirst().orElseThrow();
        assertEquals(PluginKind.ALGORITHM, random.kind());
        assertEquals("org.nettwin.rl.baseline", random.bundle());
        assertTrue(random.version().startsWith("0.1.0"), random.version());
        assertFalse(random.title().isEmpty());
        PluginEntry example = catalog.list().stream().filter(e -> e.id().equals(EXAMPLE)).findFirst().orElseThrow();
        assertEquals(PluginKind.SCENARIO, example.kind());
        assertEquals("org.nettwin.example.channel", example.bundle());
    }

    @Test
    void servicesDisappearAndReappearWithTheirBundle() throws Exception {
        Bundle example = bundle("org.nettwin.example.channel");
        example.stop();
        try {
            assertFalse(ids(PluginKind.SCENARIO).contains(EXAMPLE), "stopping the bundle unregisters its scenario");
            UnknownPluginException e = assertThrows(UnknownPluginException.class,
                    () -> catalog.lease(PluginKind.SCENARIO, EXAMPLE, ScenarioProvider.class));
            assertTrue(e.getMessage().contains("unknown scenario id '" + EXAMPLE + "'"), e.getMessage());
        } finally {
            example.start();
        }
        await(() -> ids(PluginKind.SCENARIO).contains(EXAMPLE), "scenario back after restart");
        try (PluginLease<ScenarioProvider> lease = catalog.lease(PluginKind.SCENARIO, EXAMPLE, ScenarioProvider.class)) {
            assertEquals(EXAMPLE, lease.service().descriptor().id());
        }
    }

    @Test
    void unknownIdListsKnownIds() {
        UnknownPluginException e = assertThrows(UnknownPluginException.class,
                () -> catalog.lease(PluginKind.ALGORITHM, "rl/nope", org.nettwin.api.rl.AlgorithmProvider.class));
        assertTrue(e.getMessage().matches("(?s).*known: (.*, )?rl/random(, .*)?$"), e.getMessage());
    }

    @Test
    void aPluginThatFailsToActivateIsReportedAndIsolated() throws Exception {
        Bundle broken = TestBundles.installComponentThatFailsToActivate(context, "test.broken.activation", "broken/Activation-v1");
        try {
            broken.start();
            await(() -> catalog.failed().stream().anyMatch(f -> f.bundle().equals("test.broken.activation")), "failure reported");
            FailedPlugin f = catalog.failed().stream().filter(x -> x.bundle().equals("test.broken.activation")).findFirst().orElseThrow();
            assertEquals("broken/Activation-v1", f.id());
            assertTrue(f.error().contains("DoesNotExist") || f.error().contains("failed to activate"), f.error());
            assertFalse(ids(PluginKind.SCENARIO).contains("broken/Activation-v1"), "a broken plugin is not listed as working");
            assertTrue(ids(PluginKind.SCENARIO).contains(EXAMPLE), "the others still work");
            assertThrows(org.nettwin.api.NetTwinException.class,
                    () -> catalog.lease(PluginKind.SCENARIO, "broken/Activation-v1", ScenarioProvider.class));
        } finally {
            broken.uninstall();
        }
        assertTrue(catalog.failed().stream().noneMatch(f -> f.bundle().equals("test.broken.activation")), "gone with its bundle");
    }

    @Test
    void aConstructorThatThrowsIsReportedCauseFirstWithTheTraceOnRequest() throws Exception {
        Bundle broken = TestBundles.installComponentWhoseConstructorThrows(context, "test.broken.constructor", "broken/Constructor-v1");
        try {
            broken.start();
            await(() -> catalog.failed().stream().anyMatch(f -> f.id().equals("broken/Constructor-v1") && f.error().startsWith("Illegal")),
                    "the constructor's failure reported");
            FailedPlugin f = catalog.failed().stream().filter(x -> x.id().equals("broken/Constructor-v1")).findFirst().orElseThrow();
            assertEquals("test.broken.constructor", f.bundle());
            assertTrue(f.error().startsWith("IllegalStateException: no licence file (in UnlicensedProvider.<init>); component "), f.error());
            assertFalse(f.error().contains("\n") || f.error().contains("InvocationTargetException"), f.error());
            assertTrue(f.detail().contains("java.lang.IllegalStateException: no licence file") && f.detail().contains("\tat "),
                    "the full trace is kept: " + f.detail());
            assertEquals("", f.source(), "installed by the test, not from a plugin folder");
            assertTrue(ids(PluginKind.SCENARIO).contains(EXAMPLE), "the others still work");
        } finally {
            broken.uninstall();
        }
    }

    @Test
    void aPluginSourceAddsItsRefusedFilesAndNamesTheFilesOfItsBundles() throws Exception {
        Bundle broken = TestBundles.installUnresolvable(context, "test.broken.sourced");
        Path jar = Path.of("/plugins/sourced.jar");
        FailedPlugin refused = new FailedPlugin("", "", "", "not a bundle: its manifest has no Bundle-SymbolicName", "/plugins/plain.jar", "");
        PluginSource source = new PluginSource() {
            @Override
            public List<FailedPlugin> refused() {
                return List.of(refused);
            }

            @Override
            public Optional<Path> origin(Bundle bundle) {
                return bundle.getBundleId() == broken.getBundleId() ? Optional.of(jar) : Optional.empty();
            }
        };
        ServiceRegistration<PluginSource> registration = context.registerService(PluginSource.class, source, null);
        try {
            List<FailedPlugin> failed = catalog.failed();
            assertTrue(failed.contains(refused), failed.toString());
            FailedPlugin f = failed.stream().filter(x -> x.bundle().equals("test.broken.sourced")).findFirst().orElseThrow();
            assertEquals(jar.toString(), f.source(), "the failure names the jar it came from");
            assertEquals("", f.id(), "a whole bundle's failure has no plugin id");
            assertTrue(f.error().contains("does not resolve") && f.error().contains("com.example.nowhere"), f.error());
        } finally {
            registration.unregister();
            broken.uninstall();
        }
        assertTrue(catalog.failed().stream().noneMatch(f -> f.source().equals("/plugins/plain.jar")), "gone with its source");
    }

    @Test
    void anUnresolvablePluginBundleIsReportedWithTheReason() throws Exception {
        Bundle broken = TestBundles.installUnresolvable(context, "test.broken.resolution");
        try {
            FailedPlugin f = catalog.failed().stream().filter(x -> x.bundle().equals("test.broken.resolution")).findFirst().orElseThrow();
            assertTrue(f.error().contains("does not resolve") && f.error().contains("com.example.nowhere"), f.error());
            assertTrue(ids(PluginKind.ALGORITHM).contains("rl/random"), "the others still work");
        } finally {
            broken.uninstall();
        }
    }
}
