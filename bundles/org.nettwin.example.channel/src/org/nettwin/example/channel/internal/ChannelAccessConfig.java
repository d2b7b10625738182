package org.nettwin.example.channel.internal;

import java.util.List;

import org.nettwin.api.config.ConfigException;
import org.nettwin.api.config.Param;

/**
 * The configuration of {@code example/ChannelAccess-v1}: each parameter declared once, with its
 * default, range and meaning; the compact constructor checks what one parameter alone cannot.
 * The episode length is not here: it is the scenario's {@code timeLimit} (100 slots by default).
 */
public record ChannelAccessConfig(
        @Param(value = "4", doc = "number of Gilbert-Elliott channels", min = 2, max = 64) int channels,
        @Param(value = "[0.05, 0.3]", doc = "[min, max]: each channel's good-to-bad flip probability per slot is drawn uniformly from this "
                + "range at creation", min = 0.0, max = 1.0) List<Double> goodToBad,
        @Param(value = "[0.05, 0.3]", doc = "[min, max]: each channel's bad-to-good flip probability per slot, drawn likewise", min = 0.0,
                max = 1.0) List<Double> badToGood,
        @Param(value = "100", doc = "slots after which the age of a channel's last sensing reaches 1 in the observation (the default "
                + "episode length)", min = 1, max = 1_000_000) int ageHorizon) {

    /** Slots per episode unless the experiment sets {@code timeLimit}. */
    static final long DEFAULT_TIME_LIMIT = 100;

    /** @throws ConfigException if a range is not [min, max] */
    public ChannelAccessConfig {
        goodToBad = range(goodToBad, "goodToBad");
        badToGood = range(badToGood, "badToGood");
    }

    private static List<Double> range(List<Double> r, String name) {
        if (r.size() != 2 || r.get(0) > r.get(1)) {
            throw new ConfigException(name, "must be [min, max] with min <= max, got " + r);
        }
        return List.copyOf(r);
    }
}
