/**
 * Typed spaces of observations and actions: sampling, membership, flattening and descriptions.
 *
 * @since 0.1
 */
@org.osgi.annotation.versioning.Version("0.1.0")
package org.nettwin.api.space;
