package org.nettwin.lab;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What a finished run produced.
 *
 * @param folder  the run folder
 * @param summary the content of its {@code summary.json}
 * @param lines   the experiment kind's findings, one per line, for the command line
 * @since 0.1
 */
public record RunResult(Path folder, Map<String, Object> summary, List<String> lines) {
}
