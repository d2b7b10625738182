package org.nettwin.api.testkit;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** Renders values and failures for problem messages. */
final class Render {

    private static final int MAX_LENGTH = 200;

    private Render() {
    }

    /** @return a readable form of a space value (arrays spelled out, maps by key), cut at a sensible length */
    static String value(Object value) {
        String s = raw(value);
        return s.length() <= MAX_LENGTH ? s : s.substring(0, MAX_LENGTH) + "...";
    }

    private static String raw(Object value) {
        if (value instanceof double[] d) {
            return Arrays.toString(d);
        }
        if (value instanceof int[] i) {
            return Arrays.toString(i);
        }
        if (value instanceof Map<?, ?> m) {
            StringBuilder sb = new StringBuilder("{");
            m.forEach((k, v) -> sb.append(sb.length() > 1 ? ", " : "").append(k).append('=').append(raw(v)));
            return sb.append('}').toString();
        }
        if (value instanceof List<?> l) {
            StringBuilder sb = new StringBuilder("[");
            for (Object o : l) {
                sb.append(sb.length() > 1 ? ", " : "").append(raw(o));
            }
            return sb.append(']').toString();
        }
        return String.valueOf(value);
    }

    /** @return the exception's class and message */
    static String failure(Throwable t) {
        return t.getClass().getName() + (t.getMessage() == null ? "" : ": " + t.getMessage());
    }
}
