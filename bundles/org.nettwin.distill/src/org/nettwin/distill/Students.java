package org.nettwin.distill;

import java.io.IOException;
import java.io.InputStream;

import org.nettwin.api.rl.Policy;
import org.nettwin.api.space.Space;
import org.nettwin.distill.internal.StudentPolicy;

/**
 * Loading the students that {@code distill/policy} saves (format: the bundle README).
 *
 * @since 0.1
 */
public final class Students {

    private Students() {
    }

    /**
     * @return the student saved in {@code in} for these spaces
     * @throws IOException if the file is not a student, is damaged, or was saved for other spaces
     */
    public static Policy<Object, Object> load(Space<?> observationSpace, Space<?> actionSpace, InputStream in) throws IOException {
        return StudentPolicy.load(observationSpace, actionSpace, in);
    }
}
