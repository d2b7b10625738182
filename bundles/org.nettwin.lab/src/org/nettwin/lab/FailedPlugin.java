package org.nettwin.lab;

/**
 * A plugin that does not work: a file of the plugins folder that did not become a bundle, a
 * bundle that does not resolve or start, a component that failed to activate, or a service that
 * threw when asked for its descriptor.
 *
 * @param id      the plugin id or component name, as far as known; empty when the failure is the
 *                whole bundle's or file's
 * @param bundle  symbolic name of its bundle; empty for a file that is not a bundle
 * @param version that bundle's version; empty if unknown
 * @param error   why it failed, in one line, the cause first
 * @param source  the file it was installed from (a jar of the plugins folder), or empty for the
 *                product's own bundles
 * @param detail  the full account (a stack trace) behind {@code error}, or empty if the one line
 *                is all there is
 * @since 0.1
 */
public record FailedPlugin(String id, String bundle, String version, String error, String source, String detail) {

    /** A failure of the product's own bundles, with nothing more to tell than {@code error}. */
    public FailedPlugin(String id, String bundle, String version, String error) {
        this(id, bundle, version, error, "", "");
    }
}
