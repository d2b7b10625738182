/**
 * Loss landscapes of trained networks (Li et al. 2018): filter-normalised random directions
 * ({@link org.nettwin.landscape.Directions}), 1-D curves and 2-D planes of any
 * {@link org.nettwin.api.rl.LossSurface} ({@link org.nettwin.landscape.LossLandscape}), flatness
 * figures ({@link org.nettwin.landscape.Curve}, {@link org.nettwin.landscape.Plane}) and their
 * CSV, JSON and PNG files ({@link org.nettwin.landscape.LandscapeFiles}).
 *
 * @since 0.1
 */
@org.osgi.annotation.versioning.Version("0.1.0")
package org.nettwin.landscape;
