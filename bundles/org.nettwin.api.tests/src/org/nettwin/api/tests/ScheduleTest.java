package org.nettwin.api.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.nettwin.api.config.ConfigSchema;
import org.nettwin.api.rl.Schedule;

class ScheduleTest {

    @Test
    void linearAndExponentialInterpolateThenHold() {
        Schedule lin = new Schedule(Schedule.Shape.LINEAR, 1.0, 0.1, 100);
        assertEquals(1.0, lin.at(0), 1e-12);
        assertEquals(0.55, lin.at(50), 1e-12);
        assertEquals(0.1, lin.at(100), 1e-12);
        assertEquals(0.1, lin.at(10_000), 1e-12);
        Schedule exp = new Schedule(Schedule.Shape.EXPONENTIAL, 1.0, 0.01, 100);
        assertEquals(0.1, exp.at(50), 1e-12, "geometric midpoint");
        assertEquals(0.5, new Schedule(Schedule.Shape.CONSTANT, 0.5, 0.0, 1).at(77), 0);
        assertThrows(IllegalArgumentException.class, () -> new Schedule(Schedule.Shape.EXPONENTIAL, 1.0, 0.0, 10));
    }

    @Test
    void configuresFromASchema() {
        ConfigSchema schema = Schedule.addTo(ConfigSchema.builder(), "epsilon", "exploration", "linear", 1.0, 0.05, 1000, 0, 1).build();
        Schedule s = Schedule.from(schema.validate(Map.of("epsilonSchedule", "exponential", "epsilonEnd", 0.1), ""), "epsilon");
        assertEquals(new Schedule(Schedule.Shape.EXPONENTIAL, 1.0, 0.1, 1000), s);
    }
}
