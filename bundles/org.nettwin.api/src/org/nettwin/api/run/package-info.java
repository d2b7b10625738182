/**
 * Events and metrics emitted while algorithms learn and experiments run.
 *
 * @since 0.1
 */
@org.osgi.annotation.versioning.Version("0.1.0")
package org.nettwin.api.run;
