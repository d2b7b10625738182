package org.nettwin.twin.tabular.internal;

import java.util.Optional;

import org.nettwin.api.PluginDescriptor;
import org.nettwin.api.data.TransitionDataset;
import org.nettwin.api.rl.EnvironmentSpec;
import org.nettwin.api.run.TrainingListener;
import org.nettwin.api.space.DictSpace;
import org.nettwin.api.space.Discrete;
import org.nettwin.api.space.MultiDiscrete;
import org.nettwin.api.space.Space;
import org.nettwin.api.space.TableIndex;
import org.nettwin.api.twin.BaseTwinBuilder;
import org.nettwin.api.twin.DigitalTwin;
import org.nettwin.api.twin.TwinBuilder;
import org.osgi.service.component.annotations.Component;

/** {@code twin/tabular}: the counted empirical MDP of a dataset, for finite scenarios. */
@Component(service = TwinBuilder.class, property = "nettwin.id=" + TabularTwin.ID)
public final class TabularTwinBuilder extends BaseTwinBuilder<TabularTwinConfig> {

    /** Creates the service. */
    public TabularTwinBuilder() {
        super(new PluginDescriptor(TabularTwin.ID, "Tabular twin (counted MDP)",
                "The maximum-likelihood finite MDP of the data: successor counts, mean rewards and observed starts; "
                        + "exposes its transition and reward tables for exact analysis."), TabularTwinConfig.class);
    }

    /**
     * Refuses multi-agent specs, observations or actions that are not discrete, and more
     * observation states than the configured {@code maxStates}, naming it.
     */
    @Override
    protected Optional<String> refusal(EnvironmentSpec spec, TabularTwinConfig config) {
        if (spec.multiAgent()) {
            return Optional.of("a tabular twin models a single-agent environment");
        }
        Space<?> o = spec.observationSpace();
        Space<?> a = spec.actionSpace();
        if (!discrete(o) || !discrete(a)) {
            return Optional.of("a tabular twin needs discrete observations and actions, got " + o.describe() + " -> " + a.describe());
        }
        try {
            TableIndex.of(o, 1, config.maxStates());
        } catch (IllegalArgumentException e) {
            return Optional.of("a tabular twin has one state per observation, and " + o.describe() + " has more than maxStates="
                    + config.maxStates() + " (configure a larger maxStates, at most 50000000)");
        }
        try {
            TableIndex.of(a, 1, Integer.MAX_VALUE);
        } catch (IllegalArgumentException e) {
            return Optional.of("a tabular twin has one column per action, and " + a.describe() + " has more than " + Integer.MAX_VALUE);
        }
        return Optional.empty();
    }

    /** @return whether every value of {@code space} is its own table row (no binning) */
    private static boolean discrete(Space<?> space) {
        return switch (space) {
            case Discrete d -> true;
            case MultiDiscrete m -> true;
            case DictSpace d -> d.parts().values().stream().allMatch(TabularTwinBuilder::discrete);
            default -> false;
        };
    }

    @Override
    @SuppressWarnings("unchecked")
    protected DigitalTwin<?, ?> build(EnvironmentSpec spec, TransitionDataset data, TabularTwinConfig config, long seed, TrainingListener listener) {
        refusal(spec, config).ifPresent(reason -> {
            throw new IllegalArgumentException("twin/tabular cannot model this environment: " + reason);
        });
        Space<Object> obs = (Space<Object>) spec.observationSpace();
        Space<Object> act = (Space<Object>) spec.actionSpace();
        if (data.observationSize() != obs.encodedSize() || data.actionSize() != act.encodedSize()) {
            throw new IllegalArgumentException("the dataset's sizes " + data.observationSize() + "/" + data.actionSize()
                    + " do not match the spaces " + obs.describe() + " -> " + act.describe());
        }
        if (data.size() == 0) {
            throw new IllegalArgumentException("twin/tabular needs a non-empty dataset");
        }
        TableIndex s = TableIndex.of(obs, 1, config.maxStates());
        TableIndex a = TableIndex.of(act, 1, Integer.MAX_VALUE);
        int maxSteps = config.maxEpisodeSteps() == 0 ? longestEpisode(data) : config.maxEpisodeSteps();
        TabularTwin twin = new TabularTwin(obs, act, spec.observationFeatures(), s, a, new CountedMdp(s.size(), a.size(), config.unseenPairs()),
                maxSteps);
        twin.absorb(data);
        listener.onMetric(0, "twin_transitions", data.size());
        return twin;
    }

    static int longestEpisode(TransitionDataset data) {
        int longest = 0;
        int run = 0;
        for (int i = 0; i < data.size(); i++) {
            run = i > 0 && data.episode(i) == data.episode(i - 1) ? run + 1 : 1;
            longest = Math.max(longest, run);
        }
        return Math.max(1, longest);
    }
}
