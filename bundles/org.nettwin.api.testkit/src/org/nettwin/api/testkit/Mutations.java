package org.nettwin.api.testkit;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Mutated copies of valid inputs for fuzz tests of readers (experiment files, datasets, policy and
 * state files): a reader must answer every one either with a value or with its documented,
 * located error — never with another exception, a hang or an out-of-memory. Byte mutations flip,
 * delete, insert, duplicate, truncate and overwrite with the values that break lengths and counts
 * (0, 0xFF.., 0x7F..); text mutations replace a JSON value with one of another type or an extreme
 * one. Reproducible: the same generator gives the same mutations.
 *
 * @since 0.1
 */
public final class Mutations {

    private static final List<String> JSON_VALUES = List.of("null", "true", "\"\"", "\"text\"", "[]", "{}", "-1", "0", "1e308", "-1e308",
            "1e-320", "9223372036854775808", "3.5", "[1, \"a\", null]", "{\"x\": {\"y\": [[[]]]}}", "NaN", "\"\\u0000\"", "-0");

    private Mutations() {
    }

    /** @return a mutated copy of {@code input}: one to three byte-level changes */
    public static byte[] bytes(byte[] input, RandomGenerator random) {
        byte[] b = input.clone();
        int changes = 1 + random.nextInt(3);
        for (int c = 0; c < changes; c++) {
            b = once(b, random);
        }
        return b;
    }

    private static byte[] once(byte[] b, RandomGenerator random) {
        if (b.length == 0) {
            return new byte[] {(byte) random.nextInt(256)};
        }
        int at = random.nextInt(b.length);
        switch (random.nextInt(7)) {
            case 0 -> b[at] ^= (byte) (1 << random.nextInt(8));
            case 1 -> {
                int len = Math.min(b.length - at, 1 + random.nextInt(16));
                byte[] out = new byte[b.length - len];
                System.arraycopy(b, 0, out, 0, at);
                System.arraycopy(b, at + len, out, at, b.length - at - len);
                return out;
            }
            case 2 -> {
                byte[] extra = new byte[1 + random.nextInt(8)];
                random.nextBytes(extra);
                return splice(b, at, extra);
            }
            case 3 -> {
                int len = Math.min(b.length - at, 1 + random.nextInt(32));
                return splice(b, at, Arrays.copyOfRange(b, at, at + len));
            }
            case 4 -> {
                return Arrays.copyOf(b, at);
            }
            case 5 -> {
                byte[] pattern = switch (random.nextInt(3)) {
                    case 0 -> new byte[] {0, 0, 0, 0};
                    case 1 -> new byte[] {(byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF};
                    default -> new byte[] {0x7F, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF};
                };
                for (int k = 0; k < pattern.length && at + k < b.length; k++) {
                    b[at + k] = pattern[k];
                }
            }
            default -> b[at] = (byte) random.nextInt(256);
        }
        return b;
    }

    private static byte[] splice(byte[] b, int at, byte[] extra) {
        byte[] out = new byte[b.length + extra.length];
        System.arraycopy(b, 0, out, 0, at);
        System.arraycopy(extra, 0, out, at, extra.length);
        System.arraycopy(b, at, out, at + extra.length, b.length - at);
        return out;
    }

    /**
     * @return a mutated copy of a JSON text: a value (a number, string, literal, or a whole array or
     *         object) replaced by one of another type or an extreme one, a key renamed, or (one time in
     *         four) a byte-level mutation of the text
     */
    public static String json(String input, RandomGenerator random) {
        if (random.nextInt(4) == 0) {
            return new String(bytes(input.getBytes(StandardCharsets.UTF_8), random), StandardCharsets.UTF_8);
        }
        int[] values = valueStarts(input);
        if (values.length == 0) {
            return input;
        }
        int start = values[random.nextInt(values.length)];
        int end = valueEnd(input, start);
        String replacement = random.nextInt(5) == 0 ? "\"renamed_" + random.nextInt(100) + "\": 1, \"x" + random.nextInt(9) + "\""
                : JSON_VALUES.get(random.nextInt(JSON_VALUES.size()));
        return input.substring(0, start) + replacement + input.substring(end);
    }

    /** @return the offsets where a value starts (after ':' or '[' or ',' inside arrays) */
    private static int[] valueStarts(String s) {
        int[] out = new int[s.length()];
        int n = 0;
        boolean inString = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (inString) {
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    inString = false;
                }
                continue;
            }
            if (c == '"') {
                inString = true;
            }
            if (c == ':' || c == '[') {
                int j = i + 1;
                while (j < s.length() && Character.isWhitespace(s.charAt(j))) {
                    j++;
                }
                if (j < s.length() && s.charAt(j) != ']' && s.charAt(j) != '}') {
                    out[n++] = j;
                }
            }
        }
        return Arrays.copyOf(out, n);
    }

    /** @return the offset just after the JSON value starting at {@code start} */
    private static int valueEnd(String s, int start) {
        char c = s.charAt(start);
        if (c == '"') {
            for (int i = start + 1; i < s.length(); i++) {
                if (s.charAt(i) == '\\') {
                    i++;
                } else if (s.charAt(i) == '"') {
                    return i + 1;
                }
            }
            return s.length();
        }
        if (c == '{' || c == '[') {
            int depth = 0;
            boolean inString = false;
            for (int i = start; i < s.length(); i++) {
                char d = s.charAt(i);
                if (inString) {
                    if (d == '\\') {
                        i++;
                    } else if (d == '"') {
                        inString = false;
                    }
                } else if (d == '"') {
                    inString = true;
                } else if (d == '{' || d == '[') {
                    depth++;
                } else if ((d == '}' || d == ']') && --depth == 0) {
                    return i + 1;
                }
            }
            return s.length();
        }
        int i = start;
        while (i < s.length() && ",}] \n\r\t".indexOf(s.charAt(i)) < 0) {
            i++;
        }
        return i;
    }
}
