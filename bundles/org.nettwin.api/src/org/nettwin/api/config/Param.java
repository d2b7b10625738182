package org.nettwin.api.config;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares a configuration parameter once, on a component of a configuration record: its
 * default, documentation, range and choices. {@link ConfigSchema#of(Class)} derives the schema (and
 * so the located errors of experiment files) from the record; {@link Config#as(Class)} binds
 * validated values to it. Cross-field rules go in the record's compact constructor, which throws
 * {@link ConfigException} naming the field:
 *
 * <pre>{@code
 * public record GridConfig(
 *         @Param(value = "12", doc = "cells of the grid", min = 1, max = 64) int cells,
 *         @Param(value = "[16, 16]", doc = "hidden units per layer", min = 1, max = 4096) List<Integer> hidden,
 *         @Param(value = "greedy", doc = "the scheduler", choices = {"greedy", "fair"}) String scheduler,
 *         @Param(value = Param.OPTIONAL, doc = "cap on episode steps (default: none)", min = 1) Long horizon) {
 *     public GridConfig {
 *         if (hidden.size() > cells) {
 *             throw new ConfigException("hidden", "may have at most one layer per cell");
 *         }
 *     }
 * }
 * }</pre>
 *
 * Component types: {@code int}, {@code long}, {@code double}, {@code boolean} (or their boxes),
 * {@code String} (a choice when {@link #choices()} is given), {@code List<Double>},
 * {@code List<Integer>}, {@code java.nio.file.Path} (an existing file named relative to the
 * experiment file; {@link #choices()} are the allowed endings) and {@code Map<String, Object>} (a
 * free JSON object the plugin checks itself).
 *
 * @since 0.1
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.RECORD_COMPONENT)
public @interface Param {

    /** The {@link #value()} of a parameter an experiment file must give. */
    String REQUIRED = "\u0000required";

    /**
     * The {@link #value()} of a parameter that may be left out and then has no value: the component
     * (a boxed number, text, a list, a path or an object) is {@code null}, meaning whatever the doc says.
     */
    String OPTIONAL = "\u0000optional";

    /**
     * @return the default, written as in an experiment file without quotes around text:
     *         {@code "12"}, {@code "0.5"}, {@code "true"}, {@code "greedy"}, {@code "[16, 16]"},
     *         {@code "{}"}; or {@link #REQUIRED} / {@link #OPTIONAL}
     */
    String value() default REQUIRED;

    /** @return what it means, with its unit and source */
    String doc();

    /** @return the inclusive lower bound of numbers (of each element for lists) */
    double min() default Double.NEGATIVE_INFINITY;

    /** @return the inclusive upper bound of numbers (of each element for lists) */
    double max() default Double.POSITIVE_INFINITY;

    /** @return the allowed values of text (a choice), or the allowed endings of a file name */
    String[] choices() default {};
}
