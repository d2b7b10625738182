/**
 * The lab: the catalog of installed plugins, experiment files, and runs that write results.
 *
 * @since 0.1
 */
@org.osgi.annotation.versioning.Version("0.1.1")
package org.nettwin.lab;
