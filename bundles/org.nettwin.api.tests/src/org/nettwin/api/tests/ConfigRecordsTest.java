package org.nettwin.api.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.nettwin.api.PluginDescriptor;
import org.nettwin.api.config.Config;
import org.nettwin.api.config.ConfigException;
import org.nettwin.api.config.ConfigSchema;
import org.nettwin.api.config.Param;
import org.nettwin.api.config.ParameterType;
import org.nettwin.api.scenario.BaseScenarioProvider;
import org.nettwin.api.scenario.Scenario;

/** A parameter declared once, on a record component: schema, defaults, binding, the record's own rules. */
class ConfigRecordsTest {

    /** A grid scenario's settings. */
    record GridConfig(
            @Param(value = "12", doc = "cells", min = 1, max = 64) int cells,
            @Param(value = "[16, 16]", doc = "hidden units", min = 1, max = 4096) List<Integer> hidden,
            @Param(value = "greedy", doc = "the scheduler", choices = {"greedy", "fair"}) String scheduler,
            @Param(value = "0.5", doc = "load") double load,
            @Param(value = Param.OPTIONAL, doc = "horizon (default: none)", min = 1) Long horizon,
            @Param(doc = "the label, required") String label) {
        GridConfig {
            if (hidden.size() > cells) {
                throw new ConfigException("hidden", "may have at most one layer per cell (" + cells + "), got " + hidden.size());
            }
        }
    }

    @Test
    void theSchemaComesFromTheRecordAndValuesBindToIt() {
        ConfigSchema schema = ConfigSchema.of(GridConfig.class);
        assertEquals(List.of("cells", "hidden", "scheduler", "load", "horizon", "label"), List.copyOf(schema.parameters().keySet()));
        assertEquals(ParameterType.CHOICE, schema.parameters().get("scheduler").type());
        assertEquals(ParameterType.INT_LIST, schema.parameters().get("hidden").type());
        assertTrue(schema.parameters().get("label").required() && schema.parameters().get("horizon").optional());
        Config c = schema.validate(Map.of("label", "a", "cells", 3), "scenario.config");
        GridConfig g = c.as(GridConfig.class);
        assertEquals(new GridConfig(3, List.of(16, 16), "greedy", 0.5, null, "a"), g);
        assertNull(g.horizon(), "an optional parameter left out is null");
        assertEquals(7L, schema.validate(Map.of("label", "a", "horizon", 7), "").as(GridConfig.class).horizon());
    }

    @Test
    void everyProblemIsLocatedIncludingTheRecordsOwnRules() {
        ConfigSchema schema = ConfigSchema.of(GridConfig.class);
        ConfigException e = assertThrows(ConfigException.class,
                () -> schema.validate(Map.of("cells", 0, "scheduler", "random", "hidden", List.of(8, -1)), "scenario.config"));
        String all = e.problems().toString();
        assertTrue(all.contains("scenario.config.cells: must be in [1, 64], got 0"), all);
        assertTrue(all.contains("scenario.config.scheduler: must be one of greedy, fair"), all);
        assertTrue(all.contains("scenario.config.hidden: element 1 must be in [1, 4096], got -1"), all);
        assertTrue(all.contains("scenario.config.label: is required"), all);
        ConfigException rule = assertThrows(ConfigException.class,
                () -> schema.validate(Map.of("label", "a", "cells", 1, "hidden", List.of(4, 4)), "scenario.config"));
        assertEquals("scenario.config.hidden", rule.problems().get(0).path(), "the record's rule names its field");
        assertTrue(rule.getMessage().contains("at most one layer per cell (1), got 2"), rule.getMessage());
    }

    record BadDefault(@Param(value = "many", doc = "x") int x) {
    }

    record Unannotated(int x) {
    }

    record OptionalPrimitive(@Param(value = Param.OPTIONAL, doc = "x") int x) {
    }

    @Test
    void badDeclarationsAreRefusedWhenTheSchemaIsBuilt() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ConfigSchema.of(BadDefault.class)).getMessage()
                .contains("default \"many\" is not a valid int"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ConfigSchema.of(Unannotated.class)).getMessage()
                .contains("has no @Param annotation"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ConfigSchema.of(OptionalPrimitive.class)).getMessage()
                .contains("needs a boxed type"));
    }

    record Tiny(@Param(value = "2", doc = "size", min = 1) int size) {
    }

    @Test
    void baseScenarioProvidersHaveATimeLimitParameterWithTheScenariosDefault() {
        BaseScenarioProvider<Tiny> provider = new BaseScenarioProvider<>(new PluginDescriptor("test/Tiny-v1", "t", "t"), Tiny.class, 40) {
            @Override
            protected Scenario build(Tiny config, long seed) {
                return new Scenario.Single(new WrappersTest.Line());
            }
        };
        assertEquals(40L, provider.configSchema().defaults().getLong("timeLimit"));
        try (Scenario s = provider.create(provider.configSchema().validate(Map.of("timeLimit", 3), ""), 1)) {
            var env = ((Scenario.Single) s).environment(double[].class, Integer.class);
            env.reset(1);
            env.step(0);
            env.step(0);
            assertTrue(env.step(0).truncated(), "the configured limit truncates");
        }
        try (Scenario s = provider.create(provider.configSchema().validate(Map.of("timeLimit", 0), ""), 1)) {
            var env = ((Scenario.Single) s).environment(double[].class, Integer.class);
            env.reset(1);
            for (int i = 0; i < 100; i++) {
                assertTrue(!env.step(i % 2).truncated(), "0 = no time limit");
            }
            assertThrows(IllegalArgumentException.class, () -> ((Scenario.Single) s).environment(Integer.class, Integer.class),
                    "typed access checks the spaces");
        }
    }
}
