package org.nettwin.api.config;

import java.util.List;
import java.util.stream.Collectors;

import org.nettwin.api.NetTwinException;

/**
 * Configuration values that do not fit their schema. Each {@link Problem} names the field path
 * (e.g. {@code scenario.config.cells}) so that a caller can point at the file location.
 *
 * @since 0.1
 */
public final class ConfigException extends NetTwinException {

    private static final long serialVersionUID = 1L;

    /**
     * One problem.
     *
     * @param path    dotted field path
     * @param message what is wrong, with the allowed range or values
     */
    public record Problem(String path, String message) {
        @Override
        public String toString() {
            return path + ": " + message;
        }
    }

    private final transient List<Problem> problems;

    /** @param problems at least one problem */
    public ConfigException(List<Problem> problems) {
        super(problems.stream().map(Problem::toString).collect(Collectors.joining("; ")));
        this.problems = List.copyOf(problems);
    }

    /** @param path the field; {@code message} what is wrong with it */
    public ConfigException(String path, String message) {
        this(List.of(new Problem(path, message)));
    }

    /** @return every problem, in field order */
    public List<Problem> problems() {
        return problems;
    }
}
