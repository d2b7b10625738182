/**
 * Digital domains (paper 001, Cheng et al.): copies of the physical environment beside it, either
 * perfect ({@link org.nettwin.api.env.Snapshottable} or {@link org.nettwin.api.env.Copyable}
 * scenarios) or learned ({@link org.nettwin.api.twin.DigitalTwin}s with
 * {@link org.nettwin.api.twin.StateSync}), optionally noisy; a storage space per domain; and the
 * cost accounting of the speed-up.
 *
 * @since 0.1
 */
@org.osgi.annotation.versioning.Version("0.1.0")
package org.nettwin.domains;
