package org.nettwin.twin.sequence;

import java.util.Optional;

import org.nettwin.api.PluginDescriptor;
import org.nettwin.api.data.TransitionDataset;
import org.nettwin.api.rl.EnvironmentSpec;
import org.nettwin.api.run.TrainingListener;
import org.nettwin.api.space.Box;
import org.nettwin.api.space.Space;
import org.nettwin.api.twin.BaseTwinBuilder;

/**
 * A twin builder whose twin is a {@link SequenceTwin}: subclasses give the descriptor and the
 * model library; the configuration is the record {@link TwinSettings}, the same in every builder.
 *
 * @since 0.1
 */
public abstract class SequenceTwinBuilder extends BaseTwinBuilder<TwinSettings> {

    /** @param descriptor the builder's id ({@code twin/NAME}), title and description */
    protected SequenceTwinBuilder(PluginDescriptor descriptor) {
        super(descriptor, TwinSettings.class);
    }

    /** @return the factory of the state and reward models for these settings */
    protected abstract SequenceModel.Factory models(TwinSettings settings);

    /**
     * Refuses multi-agent specs and non-{@link Box} observations, whatever the settings: the models
     * regress real-valued state changes and the twin clips predictions into the box's bounds; a
     * discrete or simplex observation would need a classifier or a projection (use
     * {@code twin/tabular} for finite scenarios).
     */
    @Override
    protected Optional<String> refusal(EnvironmentSpec spec, TwinSettings settings) {
        String id = descriptor().id();
        if (spec.multiAgent()) {
            return Optional.of(id + " models a single-agent environment (learn one agent's view, e.g. one cell)");
        }
        if (!(spec.observationSpace() instanceof Box)) {
            return Optional.of(id + " regresses continuous state changes and needs Box observations, got "
                    + spec.observationSpace().describe() + " (use twin/tabular for discrete observations)");
        }
        return Optional.empty();
    }

    /** Learns a twin from {@code data}; public with its own type for callers that hold the settings. */
    @Override
    @SuppressWarnings("unchecked")
    public SequenceTwin build(EnvironmentSpec spec, TransitionDataset data, TwinSettings settings, long seed, TrainingListener listener) {
        String id = descriptor().id();
        refusal(spec, settings).ifPresent(reason -> {
            throw new IllegalArgumentException(id + " cannot model this environment: " + reason);
        });
        return SequenceTwin.build(id, (Box) spec.observationSpace(), spec.observationFeatures(), (Space<Object>) spec.actionSpace(), data,
                settings, models(settings), seed, listener);
    }
}
