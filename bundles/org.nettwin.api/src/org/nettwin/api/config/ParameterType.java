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
    INT_LIST
}
