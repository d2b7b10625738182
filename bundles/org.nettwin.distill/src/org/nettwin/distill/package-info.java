/**
 * Policy distillation helpers: {@link org.nettwin.distill.Students} loads the students that the
 * {@code distill/policy} service saves.
 *
 * @since 0.1
 */
@org.osgi.annotation.versioning.Version("0.1.0")
package org.nettwin.distill;
