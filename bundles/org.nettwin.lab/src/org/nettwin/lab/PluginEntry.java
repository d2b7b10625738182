package org.nettwin.lab;

/**
 * One registered plugin service as the catalog lists it.
 *
 * @param kind          its kind
 * @param id            its {@code nettwin.id}
 * @param title         short name (empty if it failed)
 * @param description   what it is (empty if it failed)
 * @param bundle        symbolic name of the bundle that registered it
 * @param version       that bundle's version
 * @since 0.1
 */
public record PluginEntry(PluginKind kind, String id, String title, String description, String bundle, String version) {
}
