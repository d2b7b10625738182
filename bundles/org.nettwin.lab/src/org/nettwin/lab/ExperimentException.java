package org.nettwin.lab;

import java.util.List;

import org.nettwin.api.NetTwinException;

/**
 * An experiment file is malformed or invalid. Each problem is a line of the form
 * {@code FILE:LINE:COLUMN: FIELD.PATH: message}.
 *
 * @since 0.1
 */
public final class ExperimentException extends NetTwinException {

    private static final long serialVersionUID = 1L;

    private final transient List<String> problems;

    /** @param problems one line per problem */
    public ExperimentException(List<String> problems) {
        super(String.join(System.lineSeparator(), problems));
        this.problems = List.copyOf(problems);
    }

    /** @return the problems, one line each */
    public List<String> problems() {
        return problems;
    }
}
