/**
 * Similarity metrics between environments, MDPs or agents' data (bisimulation, VAE-based similarity).
 *
 * @since 0.1
 */
@org.osgi.annotation.versioning.Version("0.1.0")
package org.nettwin.api.similarity;
