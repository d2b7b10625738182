package org.nettwin.lab.internal;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;

/**
 * Reads JSON into plain maps, lists and scalars while remembering where every field path starts
 * ({@code a.b[2].c} -> {@code LINE:COLUMN}), so validation errors can point into the file.
 * Duplicate keys are errors; numbers stay {@code Long} when whole and {@code Double} otherwise.
 */
final class LocatedJson {

    /** A JSON syntax or duplicate-key error at a location. */
    static final class SyntaxException extends Exception {
        private static final long serialVersionUID = 1L;
        final String location;

        SyntaxException(String location, String message) {
            super(message);
            this.location = location;
        }
    }

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    final Map<String, String> locations = new LinkedHashMap<>();
    /** Where each object or array still open starts, innermost last: a file that ends too early is reported there. */
    private final java.util.ArrayDeque<String[]> open = new java.util.ArrayDeque<>();
    Object root;

    static LocatedJson read(Reader in) throws IOException, SyntaxException {
        LocatedJson json = new LocatedJson();
        try (JsonParser p = FACTORY.createParser(in)) {
            JsonToken t = p.nextToken();
            if (t == null) {
                throw new SyntaxException("1:1", "the file is empty; an experiment is a JSON object");
            }
            json.root = json.value(p, "");
            if (p.nextToken() != null) {
                throw new SyntaxException(where(p.currentTokenLocation()), "unexpected content after the top-level JSON value");
            }
        } catch (JsonProcessingException e) {
            String[] innermost = json.open.peekLast();
            String message = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
            if (innermost != null && message.startsWith("Unexpected end-of-input")) {
                JsonLocation end = e.getLocation();
                throw new SyntaxException(innermost[0], "malformed JSON: the " + innermost[1] + " opened here is never closed (the file ends"
                        + (end == null ? "" : " at " + where(end)) + ")");
            }
            throw syntax(e);
        }
        return json;
    }

    private Object value(JsonParser p, String path) throws IOException {
        locations.put(path, where(p.currentTokenLocation()));
        JsonToken t = p.currentToken();
        switch (t) {
            case START_OBJECT -> {
                open.addLast(new String[] {where(p.currentTokenLocation()), "object '{'"});
                Map<String, Object> map = new LinkedHashMap<>();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    String child = path.isEmpty() ? name : path + "." + name;
                    locations.put(child, where(p.currentTokenLocation()));
                    p.nextToken();
                    Map<String, String> keep = Map.of(child, locations.get(child));
                    Object v = value(p, child);
                    locations.putAll(keep); // the key's position reads better than the value's
                    map.put(name, v);
                }
                open.removeLast();
                return map;
            }
            case START_ARRAY -> {
                open.addLast(new String[] {where(p.currentTokenLocation()), "array '['"});
                List<Object> list = new ArrayList<>();
                int i = 0;
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    list.add(value(p, path + "[" + i++ + "]"));
                }
                open.removeLast();
                return list;
            }
            case VALUE_STRING -> {
                return p.getText();
            }
            case VALUE_NUMBER_INT -> {
                return p.getNumberType() == JsonParser.NumberType.BIG_INTEGER ? p.getBigIntegerValue() : (Object) p.getLongValue();
            }
            case VALUE_NUMBER_FLOAT -> {
                return p.getDoubleValue();
            }
            case VALUE_TRUE -> {
                return Boolean.TRUE;
            }
            case VALUE_FALSE -> {
                return Boolean.FALSE;
            }
            case VALUE_NULL -> {
                return null;
            }
            default -> throw new IllegalStateException("unexpected JSON token " + t);
        }
    }

    /**
     * A syntax error in words for people, without the parser's internals (its source description,
     * its feature names).
     */
    static SyntaxException syntax(JsonProcessingException e) {
        JsonLocation loc = e.getLocation();
        String where = loc == null ? "1:1" : where(loc);
        String message = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
        if (message.startsWith("Unexpected end-of-input")) {
            return new SyntaxException(where, "malformed JSON: the file ends in the middle of a value");
        }
        if (message.contains("Non-standard token") || message.contains("ALLOW_NON_NUMERIC_NUMBERS")) {
            return new SyntaxException(where, "malformed JSON: NaN and Infinity are not JSON numbers");
        }
        String clean = message.replaceAll("\\s*at \\[Source: [^\\]]*\\]", "")
                .replaceAll("\\s*\\(?for (Object|Array) starting at \\[Source: [^\\]]*\\]\\)?", "")
                .replaceAll("\\s*\\(?or (enable|disable) `?\\w+(\\.\\w+)*`?[^)]*\\)?", "")
                .replaceAll("\\s*\\(code \\d+\\)", "")
                .replaceAll("\\s+", " ").trim();
        return new SyntaxException(where, "malformed JSON: " + clean);
    }

    static String where(JsonLocation loc) {
        return loc.getLineNr() + ":" + loc.getColumnNr();
    }
}
