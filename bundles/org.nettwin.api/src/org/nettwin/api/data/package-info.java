/**
 * Transitions, historical transition datasets (CSV and a checksummed binary format) and replay storage.
 *
 * @since 0.1
 */
@org.osgi.annotation.versioning.Version("0.1.1")
package org.nettwin.api.data;
