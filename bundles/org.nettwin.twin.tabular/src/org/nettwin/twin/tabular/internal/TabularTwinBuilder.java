package org.nettwin.twin.tabular.internal;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.nettwin.api.PluginDescriptor;
import org.nettwin.api.config.Config;
import org.nettwin.api.config.ConfigSchema;
import org.nettwin.api.data.TransitionDataset;
import org.nettwin.api.rl.EnvironmentSpec;
import org.nettwin.api.run.TrainingListener;
import org.nettwin.api.space.Space;
import org.nettwin.api.space.TableIndex;
import org.nettwin.api.twin.DigitalTwin;
import org.nettwin.api.twin.TwinBuilder;
import org.osgi.service.component.annotations.Component;

/** {@code twin/tabular}: the counted empirical MDP of a dataset, for finite scenarios. */
@Component(service = TwinBuilder.class, property = "nettwin.id=" + TabularTwin.ID)
public final class TabularTwinBuilder implements TwinBuilder {

    private static final ConfigSchema SCHEMA = ConfigSchema.builder()
            .choiceParam("unseen", "self-loop", List.of("self-loop", "uniform"),
                    "what a never-observed state-action pair does: stay put with reward 0 (absorbing) or jump uniformly")
            .intParam("maxEpisodeSteps", 0, 0, 100_000_000, "truncate twin episodes after this many steps; 0 = the longest episode in the data")
            .longParam("maxStates", 1_000_000L, 1, 50_000_000L, "refuse observation spaces with more states than this")
            .build();

    @Override
    public PluginDescriptor descriptor() {
        return new PluginDescriptor(TabularTwin.ID, "Tabular twin (counted MDP)",
                "The maximum-likelihood finite MDP of the data: successor counts, mean rewards and observed starts; "
                        + "exposes its transition and reward tables for exact analysis.");
    }

    @Override
    public ConfigSchema configSchema() {
        return SCHEMA;
    }

    @Override
    public Optional<String> incompatibility(EnvironmentSpec spec, Config config) {
        if (spec.multiAgent()) {
            return Optional.of("a tabular twin models a single-agent environment");
        }
        try {
            TableIndex s = TableIndex.of(spec.observationSpace(), 1, SCHEMA.defaults().getLong("maxStates"));
            TableIndex a = TableIndex.of(spec.actionSpace(), 1, Integer.MAX_VALUE);
            if (!s.exact() || !a.exact()) {
                return Optional.of("a tabular twin needs discrete observations and actions, got " + spec.observationSpace().describe() + " -> "
                        + spec.actionSpace().describe());
            }
        } catch (IllegalArgumentException e) {
            return Optional.of(e.getMessage());
        }
        return Optional.empty();
    }

    @Override
    @SuppressWarnings("unchecked")
    public DigitalTwin<?, ?> build(EnvironmentSpec spec, TransitionDataset data, Config config, long seed, TrainingListener listener) {
        incompatibility(spec, config).ifPresent(reason -> {
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
        TableIndex s = TableIndex.of(obs, 1, config.getLong("maxStates"));
        TableIndex a = TableIndex.of(act, 1, Integer.MAX_VALUE);
        CountedMdp.Unseen unseen = CountedMdp.Unseen.valueOf(config.getString("unseen").toUpperCase(Locale.ROOT).replace('-', '_'));
        int maxSteps = config.getInt("maxEpisodeSteps");
        if (maxSteps == 0) {
            maxSteps = longestEpisode(data);
        }
        TabularTwin twin = new TabularTwin(obs, act, s, a, new CountedMdp(s.size(), a.size(), unseen), maxSteps);
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
