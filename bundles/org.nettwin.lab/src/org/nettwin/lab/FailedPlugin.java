package org.nettwin.lab;

/**
 * A plugin that is installed but does not work: its bundle did not resolve or start, its
 * component failed to activate, or its service threw when asked for its descriptor.
 *
 * @param id      the plugin id or component name, as far as known
 * @param bundle  symbolic name of its bundle
 * @param version that bundle's version
 * @param error   why it failed
 * @since 0.1
 */
public record FailedPlugin(String id, String bundle, String version, String error) {
}
