package org.nettwin.ui.model;

import org.nettwin.api.config.ParameterType;

/**
 * One input of a generated form: a configuration parameter as a person fills it in.
 *
 * @param name        the field's key in the experiment file
 * @param type        what the text must parse to
 * @param initial     the text the field starts with: the default, rendered as in a JSON file; empty when there is none
 * @param allowed     the range or choices in words ({@code [1, 100]}, {@code one of a, b}); empty when anything goes
 * @param choices     the values a drop-down offers (choices, or {@code true}/{@code false}); empty for free text
 * @param description what it means, with its unit
 * @param required    whether the experiment file must give it
 */
public record FormField(String name, ParameterType type, String initial, String allowed, java.util.List<String> choices, String description,
        boolean required) {

    /** @return the label a form shows: the name, with a star when required */
    public String label() {
        return required ? name + " *" : name;
    }

    /** @return the tooltip: description, allowed values and default */
    public String tooltip() {
        StringBuilder s = new StringBuilder(description);
        if (!allowed.isEmpty()) {
            s.append(s.isEmpty() ? "" : "\n").append("allowed: ").append(allowed);
        }
        if (!initial.isEmpty()) {
            s.append(s.isEmpty() ? "" : "\n").append("default: ").append(initial);
        }
        return s.toString();
    }
}
