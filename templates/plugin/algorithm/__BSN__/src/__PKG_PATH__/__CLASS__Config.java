package __PACKAGE__;

import org.nettwin.api.config.Param;

/**
 * The configuration of __ID__, each parameter declared once.
 *
 * @param epsilon  probability of a uniformly random action while learning
 * @param stepSize weight of a new reward in an action's value (0 = the sample average)
 */
public record __CLASS__Config(
        @Param(value = "0.1", doc = "probability of a random action while learning", min = 0, max = 1) double epsilon,
        @Param(value = "0", doc = "weight of a new reward in an action's value; 0 = the sample average", min = 0, max = 1) double stepSize) {
}
