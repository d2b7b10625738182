package org.nettwin.lab;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;

/**
 * Failures told cause first, in one line: {@code IllegalStateException: no licence file (in
 * BrokenProvider.<init>)} rather than a stack trace that opens with the reflective wrapper
 * ({@code InvocationTargetException}, {@code ComponentException}) and names the real cause last.
 * The full trace stays available for whoever asks for it ({@link #stackTrace(Throwable)}).
 *
 * @since 0.1
 */
public final class Causes {

    private static final String CAUSED_BY = "Caused by: ";

    private Causes() {
    }

    /**
     * @return the innermost cause of {@code failure} as {@code SimpleName: message (in Class.method)},
     *         where the place is the first frame outside the JDK (the code that threw)
     */
    public static String oneLine(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? "" : ": " + flatten(root.getMessage());
        String where = null;
        for (StackTraceElement frame : root.getStackTrace()) {
            if (where == null || !isJdk(frame.getClassName())) {
                where = simpleName(frame.getClassName()) + "." + frame.getMethodName();
                if (!isJdk(frame.getClassName())) {
                    break;
                }
            }
        }
        return root.getClass().getSimpleName() + message + (where == null ? "" : " (in " + where + ")");
    }

    /**
     * The same for a stack trace that is only known as text, as Declarative Services reports a
     * component that failed to activate: the last {@code Caused by:} section (or the first line if
     * there is none) and the first frame of that section outside the JDK.
     *
     * @param stackTrace the output of {@link Throwable#printStackTrace()}, or any message
     */
    public static String oneLine(String stackTrace) {
        List<String> lines = stackTrace.strip().lines().toList();
        if (lines.isEmpty()) {
            return "(no message)";
        }
        int header = 0;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith(CAUSED_BY)) {
                header = i;
            }
        }
        String exception = lines.get(header).startsWith(CAUSED_BY) ? lines.get(header).substring(CAUSED_BY.length()) : lines.get(header);
        String where = null;
        for (int i = header + 1; i < lines.size() && !lines.get(i).startsWith(CAUSED_BY); i++) {
            String line = lines.get(i).strip();
            if (!line.startsWith("at ")) {
                continue;
            }
            String method = line.substring(3).replaceFirst("\\(.*$", "").replaceFirst("^.*/", ""); // drop "(File.java:12)" and "module/"
            int dot = method.lastIndexOf('.');
            String owner = dot < 0 ? "" : method.substring(0, dot);
            if (where == null || !isJdk(owner)) {
                where = simpleName(owner) + method.substring(dot);
                if (!isJdk(owner)) {
                    break;
                }
            }
        }
        return shortenClassName(exception) + (where == null ? "" : " (in " + where + ")");
    }

    /** @return what {@link Throwable#printStackTrace()} prints */
    public static String stackTrace(Throwable failure) {
        StringWriter text = new StringWriter();
        failure.printStackTrace(new PrintWriter(text));
        return text.toString().strip();
    }

    /** "java.lang.IllegalStateException: text" becomes "IllegalStateException: text". */
    private static String shortenClassName(String exceptionLine) {
        int colon = exceptionLine.indexOf(": ");
        String name = colon < 0 ? exceptionLine.strip() : exceptionLine.substring(0, colon);
        if (name.contains(" ") || !name.contains(".")) {
            return flatten(exceptionLine); // not "ClassName: message"
        }
        return simpleName(name) + (colon < 0 ? "" : ": " + flatten(exceptionLine.substring(colon + 2)));
    }

    private static String simpleName(String className) {
        return className.substring(className.lastIndexOf('.') + 1);
    }

    private static boolean isJdk(String className) {
        return className.startsWith("java.") || className.startsWith("javax.") || className.startsWith("jdk.")
                || className.startsWith("sun.") || className.startsWith("com.sun.");
    }

    private static String flatten(String text) {
        return text.replaceAll("\\s+", " ").strip();
    }
}
