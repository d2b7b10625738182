package org.nettwin.api.experiment;

import java.util.List;
import java.util.Map;

/**
 * What a study's report says.
 *
 * @param summary the content of {@code summary.json} (JSON-like values: numbers, text, booleans,
 *                lists, maps, {@code null}); the host adds {@code experiment}, {@code type} and
 *                {@code wall_seconds} unless given
 * @param lines   what the command line prints when the run is done, one finding per line
 * @since 0.1
 */
public record Report(Map<String, Object> summary, List<String> lines) {

    /** Copies the lines. */
    public Report {
        lines = List.copyOf(lines);
    }
}
