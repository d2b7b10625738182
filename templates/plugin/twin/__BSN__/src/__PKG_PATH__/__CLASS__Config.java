package __PACKAGE__;

import org.nettwin.api.config.Param;

/**
 * The configuration of __ID__.
 *
 * @param episodeLength steps of a twin episode before it is truncated
 */
public record __CLASS__Config(
        @Param(value = "100", doc = "steps of a twin episode before it is truncated", min = 1, max = 1_000_000) int episodeLength) {
}
