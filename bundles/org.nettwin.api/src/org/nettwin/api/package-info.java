/**
 * Plugin identity shared by every NetTwin extension point: descriptors, service properties and the common exception.
 *
 * @since 0.1
 */
@org.osgi.annotation.versioning.Version("0.1.0")
package org.nettwin.api;
