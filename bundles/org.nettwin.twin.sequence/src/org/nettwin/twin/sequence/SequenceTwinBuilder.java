package org.nettwin.twin.sequence;

import java.util.Optional;

import org.nettwin.api.PluginDescriptor;
import org.nettwin.api.config.Config;
import org.nettwin.api.config.ConfigSchema;
import org.nettwin.api.data.TransitionDataset;
import org.nettwin.api.rl.EnvironmentSpec;
import org.nettwin.api.run.TrainingListener;
import org.nettwin.api.space.Box;
import org.nettwin.api.space.Space;
import org.nettwin.api.twin.TwinBuilder;

/**
 * A twin builder whose twin is a {@link SequenceTwin}: subclasses give the id, the descriptor and
 * the model library; the config is {@link TwinSettings}' shared parameters.
 *
 * @since 0.1
 */
public abstract class SequenceTwinBuilder implements TwinBuilder {

    private static final ConfigSchema SCHEMA = TwinSettings.addTo(ConfigSchema.builder()).build();

    /** @return the builder's id, {@code twin/NAME} */
    protected abstract String id();

    /** @return the factory of the state and reward models for these settings */
    protected abstract SequenceModel.Factory models(TwinSettings settings);

    @Override
    public abstract PluginDescriptor descriptor();

    @Override
    public ConfigSchema configSchema() {
        return SCHEMA;
    }

    /**
     * Refuses multi-agent specs and non-{@link Box} observations: the models regress real-valued
     * state changes and the twin clips predictions into the box's bounds; a discrete or simplex
     * observation would need a classifier or a projection (use {@code twin/tabular} for finite
     * scenarios).
     */
    @Override
    public Optional<String> incompatibility(EnvironmentSpec spec, Config config) {
        if (spec.multiAgent()) {
            return Optional.of(id() + " models a single-agent environment (learn one agent's view, e.g. one cell)");
        }
        if (!(spec.observationSpace() instanceof Box)) {
            return Optional.of(id() + " regresses continuous state changes and needs Box observations, got "
                    + spec.observationSpace().describe() + " (use twin/tabular for discrete observations)");
        }
        return Optional.empty();
    }

    @Override
    @SuppressWarnings("unchecked")
    public SequenceTwin build(EnvironmentSpec spec, TransitionDataset data, Config config, long seed, TrainingListener listener) {
        incompatibility(spec, config).ifPresent(reason -> {
            throw new IllegalArgumentException(id() + " cannot model this environment: " + reason);
        });
        TwinSettings settings = TwinSettings.from(config);
        return SequenceTwin.build(id(), (Box) spec.observationSpace(), (Space<Object>) spec.actionSpace(), data, settings, models(settings), seed,
                listener);
    }
}
