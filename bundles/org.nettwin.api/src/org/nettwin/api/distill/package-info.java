/**
 * Knowledge distillation: compressing a teacher policy into a smaller student.
 *
 * @since 0.1
 */
@org.osgi.annotation.versioning.Version("0.1.0")
package org.nettwin.api.distill;
