/**
 * Learning algorithms and the policies they produce, split as in Stable-Baselines3: an {@link org.nettwin.api.rl.Algorithm} learns, a {@link org.nettwin.api.rl.Policy} acts.
 *
 * @since 0.1
 */
@org.osgi.annotation.versioning.Version("0.1.1")
package org.nettwin.api.rl;
