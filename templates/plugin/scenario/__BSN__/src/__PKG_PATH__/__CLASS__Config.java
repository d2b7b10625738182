package __PACKAGE__;

import org.nettwin.api.config.ConfigException;
import org.nettwin.api.config.Param;

/**
 * The configuration of __ID__: each parameter declared once (default, range, documentation);
 * experiment files are checked against it and errors located at the field.
 *
 * @param size  positions 0 ... size of the tracker and the target
 * @param drift probability per step that the target moves one position
 */
public record __CLASS__Config(
        @Param(value = "10", doc = "positions 0 ... size", min = 2, max = 10_000) int size,
        @Param(value = "0.3", doc = "probability per step that the target moves one position", min = 0, max = 1) double drift) {

    /** Cross-field rules go here, reported at the field. */
    public __CLASS__Config {
        if (drift == 1 && size < 3) {
            throw new ConfigException("drift", "a target that always moves needs at least 3 positions");
        }
    }
}
