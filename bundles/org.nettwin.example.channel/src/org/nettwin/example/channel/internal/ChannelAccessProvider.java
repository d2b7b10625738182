package org.nettwin.example.channel.internal;

import java.util.List;
import java.util.random.RandomGenerator;

import org.nettwin.api.PluginDescriptor;
import org.nettwin.api.Seeds;
import org.nettwin.api.scenario.BaseScenarioProvider;
import org.nettwin.api.scenario.Scenario;
import org.nettwin.api.scenario.ScenarioProvider;
import org.osgi.service.component.annotations.Component;

/**
 * The scenario service. This class is the whole of what a scenario plugin registers: a DS
 * component providing {@link ScenarioProvider} with the {@code nettwin.id} property, a
 * descriptor, a configuration record and a factory method. The base class adds the
 * {@code timeLimit} parameter (here 100 slots by default) and truncates episodes with it.
 */
@Component(service = ScenarioProvider.class, property = "nettwin.id=" + ChannelAccessProvider.ID)
public final class ChannelAccessProvider extends BaseScenarioProvider<ChannelAccessConfig> {

    static final String ID = "example/ChannelAccess-v1";

    public ChannelAccessProvider() {
        super(new PluginDescriptor(ID, "Dynamic multichannel access (example plugin)",
                "Pick one of N Gilbert-Elliott channels per slot; reward 1 when the chosen channel is good. "
                        + "The SDK's example of a scenario plugin."),
                ChannelAccessConfig.class, ChannelAccessConfig.DEFAULT_TIME_LIMIT);
    }

    @Override
    protected Scenario build(ChannelAccessConfig config, long seed) {
        int channels = config.channels();
        RandomGenerator random = Seeds.generator(Seeds.derive(seed, "channels"));
        double[] goodToBad = new double[channels];
        double[] badToGood = new double[channels];
        for (int i = 0; i < channels; i++) {
            goodToBad[i] = draw(config.goodToBad(), random);
            badToGood[i] = draw(config.badToGood(), random);
            if (goodToBad[i] + badToGood[i] == 0) {
                badToGood[i] = 1e-3; // a frozen chain has no stationary law; keep it barely mixing
            }
        }
        return new Scenario.Single(new ChannelAccessEnvironment(config.ageHorizon(), goodToBad, badToGood));
    }

    private static double draw(List<Double> range, RandomGenerator random) {
        return range.get(0) + random.nextDouble() * (range.get(1) - range.get(0));
    }
}
