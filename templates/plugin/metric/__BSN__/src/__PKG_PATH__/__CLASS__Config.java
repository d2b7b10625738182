package __PACKAGE__;

import org.nettwin.api.config.Param;

/**
 * The configuration of __ID__.
 *
 * @param gamma the discount factor the distance is meant for
 */
public record __CLASS__Config(
        @Param(value = "0.9", doc = "discount factor: weight of the transition difference", min = 0, max = 0.999) double gamma) {
}
