package org.metalearn4j.core.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.metalearn4j.core.spi.ConfigException;

/**
 * Reads a configuration tree after a pass over its tokens that refuses what a parser would accept silently: a key
 * given twice (the last one would win), YAML 1.1 integers that are not plain decimals ({@code 010} is octal 8,
 * {@code 0x10}, {@code 1_000}), YAML 1.1 booleans other than true and false ({@code yes}, {@code on}) and numbers that
 * are not finite ({@code .nan}, {@code .inf}, {@code 1e400}). Each refusal names the field path and the line.
 */
final class StrictTreeReader {
    private static final Pattern DECIMAL = Pattern.compile("[-+]?(0|[1-9][0-9]*)");
    private static final Set<String> BOOLEANS = Set.of("true", "false", "True", "False", "TRUE", "FALSE");
    private static final Set<String> NON_FINITE = Set.of(".nan", ".inf", "+.inf", "-.inf");

    private StrictTreeReader() {
    }

    /**
     * The tree of {@code text}.
     *
     * @param base   path of the text's root inside the document, e.g. a {@code --set} key; empty for a whole document
     * @param source where the text came from for messages, or null
     * @throws JsonProcessingException on a syntax error
     * @throws ConfigException         on a refused value
     */
    static JsonNode read(ObjectMapper mapper, String text, String base, String source) throws JsonProcessingException {
        try (JsonParser p = mapper.createParser(text)) {
            check(p, base, source, text.strip().contains("\n"));
        } catch (JsonProcessingException e) {
            throw e;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return mapper.readTree(text);
    }

    private static void check(JsonParser p, String base, String source, boolean lines) throws IOException {
        boolean yaml = p instanceof YAMLParser;
        Deque<Set<String>> keys = new ArrayDeque<>();
        JsonToken t;
        while ((t = p.nextToken()) != null) {
            String problem = problem(p, t, yaml, keys);
            if (problem != null) {
                throw refused(p, base, source, lines, problem);
            }
        }
    }

    /** What is wrong with the current token, or null. */
    private static String problem(JsonParser p, JsonToken t, boolean yaml, Deque<Set<String>> keys)
            throws IOException {
        switch (t) {
            case START_OBJECT, START_ARRAY -> keys.push(new HashSet<>());
            case END_OBJECT, END_ARRAY -> keys.pop();
            case FIELD_NAME -> {
                if (!keys.isEmpty() && !keys.peek().add(p.currentName())) {
                    return "key given twice; keep one (a parser would silently use the last)";
                }
            }
            case VALUE_NUMBER_INT -> {
                if (yaml && !DECIMAL.matcher(p.getText()).matches()) {
                    return p.getText() + " is not a plain decimal integer (YAML 1.1 reads it as " + yamlValue(p)
                            + "); write the number in decimal without a leading 0, or quote it for text";
                }
            }
            case VALUE_NUMBER_FLOAT -> {
                if (NON_FINITE.contains(p.getText().toLowerCase(Locale.ROOT)) || !Double.isFinite(p.getDoubleValue())) {
                    return "expected a finite number, got " + p.getText();
                }
            }
            case VALUE_TRUE, VALUE_FALSE -> {
                boolean value = t == JsonToken.VALUE_TRUE;
                if (yaml && !BOOLEANS.contains(p.getText())) {
                    return p.getText() + " is read by YAML 1.1 as " + value + "; write " + value
                            + ", or quote it for text";
                }
            }
            default -> {
            }
        }
        return null;
    }

    private static String yamlValue(JsonParser p) throws IOException {
        try {
            return p.getNumberValue().toString();
        } catch (InputCoercionException e) {
            return "a number out of range";
        }
    }

    private static ConfigException refused(JsonParser p, String base, String source, boolean lines,
                                           String message) {
        int line = lines ? p.currentTokenLocation().getLineNr() : 0;
        String where = source == null ? (line > 0 ? " (line " + line + ")" : "")
                : " (in " + source + (line > 0 ? ", line " + line : "") + ")";
        return new ConfigException(ConfigBinder.join(base, path(p.getParsingContext())), message + where);
    }

    /** {@code a.b[2].c} for the current token's context. */
    private static String path(JsonStreamContext context) {
        StringBuilder out = new StringBuilder();
        for (JsonStreamContext c = context; c != null && !c.inRoot(); c = c.getParent()) {
            if (c.inObject() && c.getCurrentName() != null) {
                out.insert(0, "." + c.getCurrentName());
            } else if (c.inArray()) {
                out.insert(0, "[" + Math.max(0, c.getCurrentIndex()) + "]");
            }
        }
        return out.length() > 0 && out.charAt(0) == '.' ? out.substring(1) : out.toString();
    }
}
