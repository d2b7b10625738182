package org.nettwin.api;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What a plugin service says about itself.
 *
 * @param id          stable id, {@code family/Name} with an optional {@code -vN} version suffix
 *                    (scenarios always carry one: a changed dynamics is a new version), e.g.
 *                    {@code slicing/MultiCell-v1} or {@code rl/dqn}; experiment kinds shipped with
 *                    NetTwin have plain lower-case names, the {@code type} of experiment files
 *                    ({@code train}, {@code twin-loop})
 * @param title       a short human name
 * @param description one or two sentences: what it is and where it comes from
 * @since 0.1
 */
public record PluginDescriptor(String id, String title, String description) {

    private static final Pattern ID = Pattern.compile("[a-z][a-z0-9.-]*/[A-Za-z0-9][A-Za-z0-9._-]*|[a-z][a-z0-9-]*");
    private static final Pattern VERSIONED = Pattern.compile(".*-v[0-9]+");

    /** Validates the id's shape. */
    public PluginDescriptor {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(description, "description");
        if (!ID.matcher(id).matches()) {
            throw new IllegalArgumentException("plugin id '" + id + "' must look like family/Name, e.g. slicing/MultiCell-v1 (or, "
                    + "for an experiment kind, a lower-case name such as twin-loop)");
        }
    }

    /** @return whether the id ends with a version suffix {@code -vN} */
    public boolean isVersioned() {
        return VERSIONED.matcher(id).matches();
    }

    /** @return the version number of a versioned id, or 0 */
    public int idVersion() {
        int dash = id.lastIndexOf("-v");
        return isVersioned() ? Integer.parseInt(id.substring(dash + 2)) : 0;
    }
}
