package org.nettwin.api.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.nettwin.api.config.ConfigException;
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

    @Test
    void aRecordsFourComponentsMakeASchedule() {
        assertEquals(new Schedule(Schedule.Shape.LINEAR, 1.0, 0.05, 10_000), Schedule.of("epsilon", "linear", 1.0, 0.05, 10_000));
        assertEquals(new Schedule(Schedule.Shape.EXPONENTIAL, 3e-4, 1e-5, 50), Schedule.of("learningRate", "exponential", 3e-4, 1e-5, 50));
        ConfigException end = assertThrows(ConfigException.class, () -> Schedule.of("epsilon", "exponential", 1.0, 0.0, 100));
        assertEquals("epsilonEnd", end.problems().get(0).path());
        assertEquals("an exponential schedule needs a positive end, got 0.0", end.problems().get(0).message());
        assertEquals("epsilonStart", assertThrows(ConfigException.class, () -> Schedule.of("epsilon", "exponential", 0.0, 0.5, 100))
                .problems().get(0).path());
        assertEquals("epsilonSteps", assertThrows(ConfigException.class, () -> Schedule.of("epsilon", "linear", 1.0, 0.5, 0))
                .problems().get(0).path());
        assertEquals("epsilonSchedule", assertThrows(ConfigException.class, () -> Schedule.of("epsilon", "cosine", 1.0, 0.5, 10))
                .problems().get(0).path());
        assertEquals(0.5, Schedule.of("epsilon", "constant", 0.5, 0.0, 1).at(99), 0, "a constant schedule may end at 0");
    }
}
