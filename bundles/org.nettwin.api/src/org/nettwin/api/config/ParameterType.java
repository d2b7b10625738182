package org.nettwin.api.config;

/**
 * The type of a configuration parameter, with the JSON form it accepts.
 *
 * @since 0.1
 */
public enum ParameterType {
    /** A whole number (JSON integer). */
    INT,
    /** A 64-bit whole number (JSON integer), e.g. step budgets. */
    LONG,
    /** A real number (JSON number). */
    DOUBLE,
    /** {@code true} or {@code false}. */
    BOOLEAN,
    /** Free text. */
    STRING,
    /** One of a fixed set of strings. */
    CHOICE,
    /** A JSON array of numbers. */
    DOUBLE_LIST,
    /** A JSON array of whole numbers. */
    INT_LIST,
    /**
     * An existing file, named relative to the experiment file; the value is its absolute path
     * ({@link Config#getPath}). The parameter's choices, if any, are the allowed name endings
     * (e.g. {@code .ntds}, {@code .csv}).
     *
     * @since 0.1
     */
    FILE,
    /**
     * A JSON object passed on as it is ({@link Config#getObject}), for values the plugin checks
     * itself, e.g. named sets of configuration overrides.
     *
     * @since 0.1
     */
    OBJECT
}
