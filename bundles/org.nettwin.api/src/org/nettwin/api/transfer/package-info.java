/**
 * Transfer of knowledge (model parameters, experience) from one agent to another.
 *
 * @since 0.1
 */
@org.osgi.annotation.versioning.Version("0.1.0")
package org.nettwin.api.transfer;
