package org.nettwin.api.rl;

import java.util.List;

import org.nettwin.api.data.TransitionDataset;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * A capability of anything that owns trained networks (an {@link Algorithm}, a digital twin): its
 * training losses as functions of the networks' parameters, for loss-landscape analysis (Li et
 * al., "Visualizing the loss landscape of neural nets", NeurIPS 2018). Obtain it from an algorithm
 * with {@code algorithm.capability(LossSurface.class)}.
 *
 * @since 0.1
 */
@ConsumerType
public interface LossSurface {

    /** @return the names of the networks offered (e.g. {@code q}, {@code critic1}, {@code actor}) */
    List<String> networks();

    /** @return a copy of the trained parameters of {@code network} */
    double[] parameters(String network);

    /**
     * @return for each parameter of {@code network}, the filter it belongs to (a dense unit's
     *         incoming weights, an LSTM gate unit's weights), numbered from 0, or -1 for
     *         parameters a random direction leaves at zero (biases, as Li et al. do)
     */
    int[] filters(String network);

    /**
     * @return the training loss of {@code network} (the one its algorithm minimises: TD error of
     *         a critic, minus the critic's value for an actor, prediction error of a twin) with
     *         its parameters replaced by {@code parameters}, on the transitions of {@code data}
     *         (encoded in the owner's spaces); the trained parameters are left unchanged
     */
    double loss(String network, double[] parameters, TransitionDataset data);
}
