package org.nettwin.twin.dl4j.internal;

import org.nettwin.api.PluginDescriptor;
import org.nettwin.api.twin.TwinBuilder;
import org.nettwin.twin.sequence.SequenceModel;
import org.nettwin.twin.sequence.SequenceTwinBuilder;
import org.nettwin.twin.sequence.TwinSettings;
import org.osgi.service.component.annotations.Component;

/** {@code twin/dl4j-lstm}: the window twin of {@code twin/lstm} with deeplearning4j's LSTM as its models. */
@Component(service = TwinBuilder.class, property = "nettwin.id=" + Dl4jTwinBuilder.ID)
public final class Dl4jTwinBuilder extends SequenceTwinBuilder {

    static final String ID = "twin/dl4j-lstm";

    /** Creates the service. */
    public Dl4jTwinBuilder() {
        super(new PluginDescriptor(ID, "LSTM twin (deeplearning4j)",
                "twin/lstm's state-transition and reward models on deeplearning4j (LSTM layer, last time step, linear output, Adam); "
                        + "same config and accuracy metrics, so experiments swap the two ids."));
    }

    @Override
    protected SequenceModel.Factory models(TwinSettings s) {
        return (stepInputs, steps, outputs, seed) -> new Dl4jSequenceModel(stepInputs, steps, outputs, s.hiddenUnits(), s.batchSize(),
                s.learningRate(), seed);
    }
}
