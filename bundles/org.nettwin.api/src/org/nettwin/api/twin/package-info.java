/**
 * Digital twins: environments learned from historical transitions, and the builders that learn them.
 *
 * @since 0.1
 */
@org.osgi.annotation.versioning.Version("0.1.1")
package org.nettwin.api.twin;
