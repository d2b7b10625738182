package org.nettwin.api.space;

import java.util.Arrays;

/**
 * A value (typically an action) was outside the space it must belong to. The message names the
 * space and the offending value.
 *
 * @since 0.1
 */
public final class SpaceViolationException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final transient Space<?> space;

    /** Creates the exception for {@code value}, playing {@code role}, outside {@code space}. */
    public SpaceViolationException(Space<?> space, String role, Object value) {
        super(role + " " + render(value) + " is outside the space " + space.describe());
        this.space = space;
    }

    /** @return the space the value violated */
    public Space<?> space() {
        return space;
    }

    static String render(Object value) {
        if (value instanceof double[] d) {
            return Arrays.toString(d);
        }
        if (value instanceof int[] i) {
            return Arrays.toString(i);
        }
        return String.valueOf(value);
    }
}
