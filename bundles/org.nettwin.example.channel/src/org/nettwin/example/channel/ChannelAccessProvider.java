package org.nettwin.example.channel;

import java.util.List;
import java.util.random.RandomGenerator;

import org.nettwin.api.PluginDescriptor;
import org.nettwin.api.Seeds;
import org.nettwin.api.config.Config;
import org.nettwin.api.config.ConfigException;
import org.nettwin.api.config.ConfigSchema;
import org.nettwin.api.scenario.Scenario;
import org.nettwin.api.scenario.ScenarioProvider;
import org.osgi.service.component.annotations.Component;

/**
 * The scenario service. This class is the whole of what a scenario plugin registers: a DS
 * component providing {@link ScenarioProvider} with the {@code nettwin.id} property, a
 * descriptor, a typed configuration schema and a factory method.
 */
@Component(service = ScenarioProvider.class, property = "nettwin.id=" + ChannelAccessProvider.ID)
public final class ChannelAccessProvider implements ScenarioProvider {

    static final String ID = "example/ChannelAccess-v1";

    private static final ConfigSchema SCHEMA = ConfigSchema.builder()
            .intParam("channels", 4, 2, 64, "number of Gilbert-Elliott channels")
            .intParam("slots", 100, 1, 1_000_000, "slots per episode (the episode is truncated after them)")
            .doubleListParam("goodToBad", List.of(0.05, 0.3), 0.0, 1.0,
                    "[min, max]: each channel's good-to-bad flip probability per slot is drawn uniformly from this range at creation")
            .doubleListParam("badToGood", List.of(0.05, 0.3), 0.0, 1.0,
                    "[min, max]: each channel's bad-to-good flip probability per slot, drawn likewise")
            .build();

    @Override
    public PluginDescriptor descriptor() {
        return new PluginDescriptor(ID, "Dynamic multichannel access (example plugin)",
                "Pick one of N Gilbert-Elliott channels per slot; reward 1 when the chosen channel is good. "
                        + "The SDK's example of a scenario plugin.");
    }

    @Override
    public ConfigSchema configSchema() {
        return SCHEMA;
    }

    @Override
    public Scenario create(Config config, long seed) {
        int channels = config.getInt("channels");
        double[] gb = range(config, "goodToBad");
        double[] bg = range(config, "badToGood");
        RandomGenerator random = Seeds.generator(Seeds.derive(seed, "channels"));
        double[] goodToBad = new double[channels];
        double[] badToGood = new double[channels];
        for (int i = 0; i < channels; i++) {
            goodToBad[i] = gb[0] + random.nextDouble() * (gb[1] - gb[0]);
            badToGood[i] = bg[0] + random.nextDouble() * (bg[1] - bg[0]);
            if (goodToBad[i] + badToGood[i] == 0) {
                badToGood[i] = 1e-3; // a frozen chain has no stationary law; keep it barely mixing
            }
        }
        return new Scenario.Single(new ChannelAccessEnvironment(config.getInt("slots"), goodToBad, badToGood));
    }

    private static double[] range(Config config, String name) {
        double[] r = config.getDoubles(name);
        if (r.length != 2 || r[0] > r[1]) {
            throw new ConfigException(name, "must be [min, max] with min <= max, got " + java.util.Arrays.toString(r));
        }
        return r;
    }
}
