package org.nettwin.api.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nettwin.api.config.Config;
import org.nettwin.api.config.ConfigException;
import org.nettwin.api.config.ConfigSchema;
import org.nettwin.api.config.Parameter;
import org.nettwin.api.config.ParameterType;

class ConfigSchemaTest {

    private static final String PATH = "scenario.config";

    private static final ConfigSchema SCHEMA = ConfigSchema.builder()
            .intParam("cells", 4, 1, 100, "number of cells")
            .doubleParam("load", 0.5, 0.0, 1.0, "offered load, fraction of capacity")
            .longParam("budget", 10_000L, 1L, 5_000_000_000L, "environment steps")
            .boolParam("mobility", false, "whether users move")
            .stringParam("label", "default", "free text for reports")
            .choiceParam("scheduler", "round-robin", List.of("round-robin", "proportional-fair"), "MAC scheduler")
            .intListParam("hidden", List.of(64, 24), 1, 1024, "hidden layer sizes")
            .doubleListParam("weights", List.of(0.5, 0.5), 0.0, 1.0, "slice weights")
            .build();

    private static Map<String, Object> raw(Object... keyValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            m.put((String) keyValues[i], keyValues[i + 1]);
        }
        return m;
    }

    private static ConfigException.Problem onlyProblem(Map<String, Object> raw) {
        ConfigException e = assertThrows(ConfigException.class, () -> SCHEMA.validate(raw, PATH));
        assertEquals(1, e.problems().size(), e::getMessage);
        return e.problems().get(0);
    }

    @Test
    void defaultsFillWhatIsNotGiven() {
        Config c = SCHEMA.validate(raw("cells", 7, "scheduler", "proportional-fair"), PATH);
        assertEquals(7, c.getInt("cells"));
        assertEquals("proportional-fair", c.getString("scheduler"));
        assertEquals(0.5, c.getDouble("load"));
        assertEquals(10_000L, c.getLong("budget"));
        assertEquals(false, c.getBoolean("mobility"));
        assertEquals("default", c.getString("label"));
        assertArrayEquals(new int[] {64, 24}, c.getInts("hidden"));
        assertArrayEquals(new double[] {0.5, 0.5}, c.getDoubles("weights"));
        assertEquals(List.of("cells", "load", "budget", "mobility", "label", "scheduler", "hidden", "weights"),
                List.copyOf(c.asMap().keySet()), "schema order, for writing the resolved configuration");
        assertEquals(SCHEMA.defaults(), SCHEMA.validate(Map.of(), ""));
        assertEquals(4, SCHEMA.defaults().getInt("cells"));
        assertThrows(UnsupportedOperationException.class, () -> c.asMap().put("cells", 9));
    }

    @Test
    void numbersAreCoercedToTheDeclaredJavaType() {
        Config c = SCHEMA.validate(raw("cells", 12.0, "load", 1, "budget", 4_000_000_000L, "hidden", List.of(128.0, 3L),
                "weights", List.of(1, 0)), PATH);
        assertEquals(Integer.class, c.asMap().get("cells").getClass(), "a whole double is an INT");
        assertEquals(12, c.getInt("cells"));
        assertEquals(Double.class, c.asMap().get("load").getClass());
        assertEquals(1.0, c.getDouble("load"));
        assertEquals(4_000_000_000L, c.getLong("budget"));
        assertArrayEquals(new int[] {128, 3}, c.getInts("hidden"));
        assertArrayEquals(new double[] {1.0, 0.0}, c.getDoubles("weights"));
    }

    @Test
    void anUnknownFieldIsNamedWithTheKnownFields() {
        ConfigException.Problem p = onlyProblem(raw("cels", 3));
        assertEquals("scenario.config.cels", p.path());
        assertEquals("unknown field; known fields: cells, load, budget, mobility, label, scheduler, hidden, weights", p.message());
        ConfigException none = assertThrows(ConfigException.class, () -> ConfigSchema.EMPTY.validate(raw("x", 1), ""));
        assertEquals("x: unknown field; known fields: (none)", none.getMessage());
    }

    @Test
    void outOfRangeValuesNameThePathAndTheRange() {
        ConfigException e = assertThrows(ConfigException.class, () -> SCHEMA.validate(raw("cells", 0), PATH));
        assertEquals("scenario.config.cells: must be in [1, 100], got 0", e.getMessage());
        assertEquals("must be in [1, 100], got 101", onlyProblem(raw("cells", 101)).message());
        assertEquals("must be in [0, 1], got 1.5", onlyProblem(raw("load", 1.5)).message());
        assertEquals("must be in [1, 5000000000], got 0", onlyProblem(raw("budget", 0)).message());
        ConfigException.Problem listElement = onlyProblem(raw("hidden", List.of(64, 0)));
        assertEquals("scenario.config.hidden", listElement.path());
        assertEquals("element 1 must be in [1, 1024], got 0", listElement.message());
        assertEquals("element 0 must be in [0, 1], got -0.1", onlyProblem(raw("weights", List.of(-0.1))).message());
    }

    @Test
    void wrongTypesAreRefusedWithTheExpectedForm() {
        assertEquals("must be [1, 100], got \"4\"", onlyProblem(raw("cells", "4")).message());
        assertEquals("must be [1, 100], got 2.5", onlyProblem(raw("cells", 2.5)).message());
        assertEquals("must be [1, 100], got 3000000000", onlyProblem(raw("cells", 3_000_000_000L)).message(), "beyond int");
        assertEquals("must be [0, 1], got NaN", onlyProblem(raw("load", Double.NaN)).message());
        assertEquals("must be [0, 1], got true", onlyProblem(raw("load", true)).message());
        assertEquals("must be true or false, got \"yes\"", onlyProblem(raw("mobility", "yes")).message());
        assertEquals("must be text, got 5", onlyProblem(raw("label", 5)).message());
        assertEquals("must be an array with elements in [1, 1024], got 64", onlyProblem(raw("hidden", 64)).message());
        assertEquals("element 1 must be a whole number, got 2.5", onlyProblem(raw("hidden", List.of(1, 2.5))).message());
        assertEquals("element 0 must be a finite number, got \"a\"", onlyProblem(raw("weights", List.of("a"))).message());
        assertEquals("element 0 must be a finite number, got Infinity",
                onlyProblem(raw("weights", List.of(Double.POSITIVE_INFINITY))).message());
    }

    @Test
    void choicesListTheAllowedValues() {
        ConfigException.Problem p = onlyProblem(raw("scheduler", "max-throughput"));
        assertEquals("scenario.config.scheduler", p.path());
        assertEquals("must be one of round-robin, proportional-fair, got \"max-throughput\"", p.message());
        assertThrows(IllegalArgumentException.class,
                () -> new Parameter("x", ParameterType.CHOICE, null, null, null, List.of(), "no choices"));
    }

    @Test
    void requiredFieldsMustBeGiven() {
        ConfigSchema schema = ConfigSchema.builder()
                .add(new Parameter("dataset", ParameterType.STRING, null, null, null, List.of(), "path of the dataset"))
                .add(new Parameter("users", ParameterType.INT, null, 1.0, 500.0, List.of(), "users per cell"))
                .intParam("seed", 0, 0, Integer.MAX_VALUE, "seed")
                .build();
        ConfigException e = assertThrows(ConfigException.class, () -> schema.validate(Map.of(), "twin.config"));
        assertEquals(List.of(new ConfigException.Problem("twin.config.dataset", "is required (text)"),
                new ConfigException.Problem("twin.config.users", "is required ([1, 500])")), e.problems());
        assertThrows(ConfigException.class, schema::defaults);
        Config c = schema.validate(raw("dataset", "runs/a.ntds", "users", 20), "twin.config");
        assertEquals("runs/a.ntds", c.getString("dataset"));
        assertEquals(20, c.getInt("users"));
        assertEquals(0, c.getInt("seed"));
    }

    @Test
    void everyProblemIsReportedAtOnce() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> SCHEMA.validate(raw("colour", "red", "cells", -1, "load", "high", "scheduler", "fifo"), PATH));
        assertEquals(List.of("scenario.config.colour", "scenario.config.cells", "scenario.config.load", "scenario.config.scheduler"),
                e.problems().stream().map(ConfigException.Problem::path).toList());
        assertTrue(e.getMessage().contains("scenario.config.cells: must be in [1, 100], got -1; scenario.config.load: must be [0, 1]"),
                e.getMessage());
    }

    @Test
    void theBuilderRefusesBadDefinitions() {
        IllegalArgumentException badDefault = assertThrows(IllegalArgumentException.class,
                () -> ConfigSchema.builder().intParam("cells", 200, 1, 100, "cells"));
        assertEquals("default of parameter 'cells' must be in [1, 100], got 200", badDefault.getMessage());
        IllegalArgumentException twice = assertThrows(IllegalArgumentException.class,
                () -> ConfigSchema.builder().boolParam("a", true, "").boolParam("a", false, ""));
        assertEquals("parameter 'a' defined twice", twice.getMessage());
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class, () -> SCHEMA.defaults().getInt("cels"));
        assertTrue(unknown.getMessage().contains("no configuration parameter 'cels'; known: [cells, load"), unknown.getMessage());
    }

    @Test
    void allowedRangesAreWrittenForPeople() {
        Map<String, Parameter> p = SCHEMA.parameters();
        assertEquals("[1, 100]", p.get("cells").allowed());
        assertEquals("[0, 1]", p.get("load").allowed());
        assertEquals("true or false", p.get("mobility").allowed());
        assertEquals("one of round-robin, proportional-fair", p.get("scheduler").allowed());
        assertEquals("an array with elements in [1, 1024]", p.get("hidden").allowed());
        assertEquals("text", p.get("label").allowed());
        assertEquals("[0.05, inf]", new Parameter("rate", ParameterType.DOUBLE, 1.0, 0.05, null, List.of(), "").allowed());
        assertEquals("a finite number", new Parameter("x", ParameterType.DOUBLE, 1.0, null, null, List.of(), "").allowed());
    }

    @Test
    void optionalParametersFilesAndObjects(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("history.csv"), "x");
        Files.createDirectories(dir.resolve("folder.csv"));
        ConfigSchema schema = ConfigSchema.builder()
                .optionalLongParam("heldOutSteps", 2, 1000, "default: a quarter of the history")
                .requiredStringParam("network", "a network")
                .optionalFileParam("dataset", List.of(".ntds", ".csv"), "a dataset")
                .objectParam("variants", Map.of("default", Map.of()), "overrides")
                .build();
        Config c = schema.validate(Map.of("network", "q", "dataset", "history.csv",
                "variants", Map.of("bc", Map.of("alpha", 0.1))), "offline", dir);
        assertTrue(!c.has("heldOutSteps") && c.has("dataset"));
        assertEquals(7, c.getLong("heldOutSteps", 7), "the caller's derived default");
        IllegalArgumentException left = assertThrows(IllegalArgumentException.class, () -> c.getLong("heldOutSteps"));
        assertTrue(left.getMessage().contains("optional parameter 'heldOutSteps' was left out"), left.getMessage());
        assertEquals(dir.resolve("history.csv").toAbsolutePath().normalize(), c.getPath("dataset"), "resolved against the base folder");
        assertEquals(Map.of("bc", Map.of("alpha", 0.1)), c.getObject("variants"));
        ConfigException e = assertThrows(ConfigException.class, () -> schema.validate(Map.of("dataset", "missing.ntds",
                "heldOutSteps", 1, "variants", List.of(1)), "offline", dir));
        String all = e.problems().toString();
        assertTrue(all.contains("offline.network: is required"), all);
        assertTrue(all.contains("offline.dataset: no such file: " + dir.resolve("missing.ntds")), all);
        assertTrue(all.contains("offline.heldOutSteps: must be in [2, 1000], got 1"), all);
        assertTrue(all.contains("offline.variants: must be an object"), all);
        assertTrue(assertThrows(ConfigException.class, () -> schema.validate(Map.of("network", "q", "dataset", "history.txt"), "o",
                dir)).getMessage().contains("must be a .ntds or .csv file name"));
        assertTrue(assertThrows(ConfigException.class, () -> schema.validate(Map.of("network", "q", "dataset", "folder.csv"), "o",
                dir)).getMessage().contains("names a folder, not a file"));
        assertThrows(IllegalArgumentException.class, () -> new Parameter("x", ParameterType.LONG, 3L, null, null, List.of(), "", true),
                "an optional parameter has no default");
    }
}
