package org.nettwin.api.distill;

import org.nettwin.api.rl.Policy;

/**
 * The outcome of distilling a teacher into a student.
 *
 * @param student            the trained student policy
 * @param teacherParameters  trainable parameters of the teacher
 * @param studentParameters  trainable parameters of the student
 * @param finalLoss          the distillation loss on the training states at the end
 * @since 0.1
 */
public record Distillation(Policy<?, ?> student, long teacherParameters, long studentParameters, double finalLoss) {

    /** @return teacher parameters per student parameter */
    public double compressionRatio() {
        return studentParameters == 0 ? Double.POSITIVE_INFINITY : (double) teacherParameters / studentParameters;
    }
}
