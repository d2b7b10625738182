package org.nettwin.ui.model;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One of the lab's located errors in an experiment file, as an editor marks it.
 *
 * @param line    1-based line, 0 when the lab gave no place
 * @param column  1-based column, 0 when the lab gave no place
 * @param message the rest of the lab's line: {@code field.path: what is wrong}
 */
public record Problem(int line, int column, String message) {

    private static final Pattern LOCATED = Pattern.compile("^(.*?):(\\d+):(\\d+): (.*)$", Pattern.DOTALL);

    /**
     * @param file  the file the lab read (its name starts every located line)
     * @param lines the lab's lines, {@code FILE:LINE:COLUMN: FIELD.PATH: message}
     * @return the problems, in the lab's order; lines without a place keep line and column 0
     */
    public static List<Problem> parse(String file, List<String> lines) {
        List<Problem> problems = new ArrayList<>();
        for (String l : lines) {
            Matcher m = LOCATED.matcher(l);
            if (m.matches() && m.group(1).equals(file)) {
                problems.add(new Problem(Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)), m.group(4)));
            } else {
                problems.add(new Problem(0, 0, l));
            }
        }
        return problems;
    }

    /**
     * @return the character offset of this problem in {@code text} (start of the text when it has
     *         no place or the place is past the end)
     */
    public int offset(String text) {
        if (line <= 0) {
            return 0;
        }
        int offset = 0;
        for (int l = 1; l < line; l++) {
            int next = text.indexOf('\n', offset);
            if (next < 0) {
                return Math.max(0, text.length() - 1);
            }
            offset = next + 1;
        }
        return Math.min(text.length(), offset + Math.max(0, column - 1));
    }

    /** @return how many characters to underline from {@link #offset}: to the end of the token or line, at least one */
    public int length(String text) {
        int start = offset(text);
        int end = start;
        while (end < text.length() && !Character.isWhitespace(text.charAt(end)) && ",]}".indexOf(text.charAt(end)) < 0) {
            end++;
        }
        return Math.max(1, end - start);
    }
}
