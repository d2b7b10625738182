package org.nettwin.twin.lstm.internal;

import org.nettwin.api.PluginDescriptor;
import org.nettwin.api.twin.TwinBuilder;
import org.nettwin.twin.sequence.SequenceModel;
import org.nettwin.twin.sequence.SequenceTwinBuilder;
import org.nettwin.twin.sequence.TwinSettings;
import org.osgi.service.component.annotations.Component;

/** {@code twin/lstm}: the window twin (state-transition + reward LSTM) on org.nettwin.nn. */
@Component(service = TwinBuilder.class, property = "nettwin.id=" + LstmTwinBuilder.ID)
public final class LstmTwinBuilder extends SequenceTwinBuilder {

    static final String ID = "twin/lstm";

    /** Creates the service. */
    public LstmTwinBuilder() {
        super(new PluginDescriptor(ID, "LSTM twin (org.nettwin.nn)",
                "A state-transition LSTM and a reward LSTM over a window of past (state, action) pairs, trained supervised with an "
                        + "episode split and early stopping; an Environment with the real spaces, episodes starting from real states."));
    }

    @Override
    protected SequenceModel.Factory models(TwinSettings s) {
        return (stepInputs, steps, outputs, seed) -> new LstmSequenceModel(stepInputs, steps, outputs, s.hiddenUnits(), s.batchSize(),
                s.learningRate(), seed);
    }
}
