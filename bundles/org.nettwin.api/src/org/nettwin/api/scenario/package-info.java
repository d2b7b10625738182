/**
 * Scenario plugins: versioned factories of environments.
 *
 * @since 0.1
 */
@org.osgi.annotation.versioning.Version("0.1.0")
package org.nettwin.api.scenario;
