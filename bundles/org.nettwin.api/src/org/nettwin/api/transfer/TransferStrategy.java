package org.nettwin.api.transfer;

import java.util.Optional;

import org.nettwin.api.NetTwinPlugin;
import org.nettwin.api.config.Config;
import org.nettwin.api.data.TransitionDataset;
import org.nettwin.api.rl.Algorithm;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * A transfer-strategy plugin (id {@code transfer/NAME}): moves knowledge from a trained source
 * agent (its model, its experience, or both) into a target agent before the target learns.
 *
 * @since 0.1
 */
@ConsumerType
public interface TransferStrategy extends NetTwinPlugin {

    /** @return why knowledge cannot move from {@code source} to {@code target} (e.g. unlike architectures), or empty */
    Optional<String> incompatibility(Algorithm source, Algorithm target);

    /**
     * @param source           the trained agent
     * @param sourceExperience the source's transitions (may be empty for model-only transfer)
     * @param target           the agent to initialise
     */
    TransferReport transfer(Algorithm source, TransitionDataset sourceExperience, Algorithm target, Config config, long seed);
}
