package org.nettwin.api.distill;

import org.nettwin.api.NetTwinPlugin;
import org.nettwin.api.config.Config;
import org.nettwin.api.data.TransitionDataset;
import org.nettwin.api.rl.Policy;
import org.nettwin.api.run.TrainingListener;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * A distiller plugin (id {@code distill/NAME}): compresses a teacher policy into a student with
 * fewer parameters, trained on the teacher's outputs over the states of a dataset.
 *
 * @since 0.1
 */
@ConsumerType
public interface Distiller extends NetTwinPlugin {

    /** @return the distilled student and its size figures */
    Distillation distill(Policy<?, ?> teacher, TransitionDataset states, Config config, long seed, TrainingListener listener);
}
