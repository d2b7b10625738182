package org.nettwin.ui.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.nettwin.api.config.ConfigSchema;
import org.nettwin.api.config.ParameterType;

class SchemaFormTest {

    private final ConfigSchema schema = ConfigSchema.builder()
            .intParam("cells", 3, 1, 16, "number of cells")
            .doubleParam("lr", 0.001, 1e-6, 1.0, "learning rate")
            .boolParam("twin", true, "use the twin")
            .choiceParam("mode", "fast", List.of("fast", "exact"), "how")
            .requiredLongParam("steps", 1, 1_000_000, "environment steps")
            .doubleListParam("shares", List.of(0.5, 0.5), 0, 1, "slice shares")
            .build();

    @Test
    void everyParameterBecomesAFieldWithItsDefaultRangeAndDocs() {
        List<FormField> fields = SchemaForm.fields(schema);
        assertEquals(List.of("cells", "lr", "twin", "mode", "steps", "shares"), fields.stream().map(FormField::name).toList());
        FormField cells = fields.get(0);
        assertEquals(ParameterType.INT, cells.type());
        assertEquals("3", cells.initial());
        assertEquals("[1, 16]", cells.allowed());
        assertEquals("number of cells", cells.description());
        assertEquals(List.of("true", "false"), fields.get(2).choices());
        assertEquals(List.of("fast", "exact"), fields.get(3).choices());
        FormField steps = fields.get(4);
        assertTrue(steps.required());
        assertEquals("steps *", steps.label());
        assertEquals("", steps.initial());
        assertEquals("[0.5,0.5]", fields.get(5).initial());
        assertTrue(cells.tooltip().contains("allowed: [1, 16]") && cells.tooltip().contains("default: 3"), cells.tooltip());
    }

    @Test
    void textsBecomeTypedValuesAndOnlyChangesGoIntoTheConfig() {
        List<FormField> fields = SchemaForm.fields(schema);
        Map<String, Object> config = SchemaForm.config(fields, Map.of("cells", "3", "lr", "0.01", "steps", "5000", "twin", "false",
                "shares", "[0.2, 0.8]"));
        assertEquals(Map.of("lr", 0.01, "twin", false, "steps", 5000L, "shares", List.of(0.2, 0.8)), config);
        assertEquals(List.of("lr", "twin", "steps", "shares"), List.copyOf(config.keySet()), "the schema's order");
        assertNull(SchemaForm.value(fields.get(0), "  "));
    }

    @Test
    void wrongTextNamesTheFieldAndWhatItNeeds() {
        List<FormField> fields = SchemaForm.fields(schema);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SchemaForm.value(fields.get(0), "three"));
        assertEquals("cells: a whole number, not 'three'", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> SchemaForm.value(fields.get(2), "yes"));
        assertEquals("twin: true or false, not 'yes'", e.getMessage());
    }

    @Test
    void aDraftIsTheTextOfAnExperimentFile() {
        String text = new ExperimentDraft("quick-1", "train").plugin("scenario", "example/ChannelAccess-v1", Map.of("channels", 4))
                .settings("budget", Map.of("steps", 200)).seeds(List.of(1L, 2L)).text();
        assertEquals("""
                {
                  "name" : "quick-1",
                  "type" : "train",
                  "scenario" : {
                    "id" : "example/ChannelAccess-v1",
                    "config" : {
                      "channels" : 4
                    }
                  },
                  "budget" : {
                    "steps" : 200
                  },
                  "seeds" : [ 1, 2 ]
                }
                """, text);
        assertThrows(IllegalArgumentException.class, () -> new ExperimentDraft("no spaces", "train"));
    }
}
