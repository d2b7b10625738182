package org.nettwin.lab;

import java.util.List;

import org.nettwin.api.NetTwinException;

/**
 * No plugin of the requested kind has the requested id. The message lists the known ids.
 *
 * @since 0.1
 */
public final class UnknownPluginException extends NetTwinException {

    private static final long serialVersionUID = 1L;

    /** @param kind what was looked for; {@code id} the id asked for; {@code known} the ids available */
    public UnknownPluginException(PluginKind kind, String id, List<String> known) {
        super("unknown " + kind.name().toLowerCase(java.util.Locale.ROOT) + " id '" + id + "'; known: "
                + (known.isEmpty() ? "(none installed)" : String.join(", ", known)));
    }
}
