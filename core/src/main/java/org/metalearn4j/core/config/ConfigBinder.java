package org.metalearn4j.core.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.metalearn4j.core.spi.ConfigException;
import org.metalearn4j.core.spi.Provider;

/**
 * Binds configuration trees into immutable records over their defaults, turning Jackson's and the records' own
 * validation errors into {@link ConfigException}s that name the dotted field path, the bad value, what is allowed and
 * the file.
 */
public final class ConfigBinder {
    private ConfigBinder() {
    }

    /**
     * Binds {@code tree} into {@code type}, with every key missing from {@code tree} taken from {@code defaults}.
     *
     * @param path   dotted path of {@code tree} inside the document, e.g. {@code learner.params}; empty for the root
     * @param source where the tree came from (a file name) for error messages, or null
     */
    public static <T> T bind(JsonNode tree, T defaults, Class<T> type, String path, String source) {
        JsonNode merged = JsonTrees.merge(ConfigMappers.json().valueToTree(defaults), tree, path);
        try {
            return ConfigMappers.json().treeToValue(merged, type);
        } catch (JsonProcessingException e) {
            throw translate(e, path, source, merged);
        } catch (IllegalArgumentException e) {
            throw new ConfigException(path, e.getMessage() + in(source), e);
        }
    }

    /**
     * Binds a provider's {@code params} over its {@link Provider#defaults()} into its {@link Provider#configType()}:
     * the one way every learner's, data set's and stage's parameters are bound, whether they come from a run
     * configuration, a pipeline stage, a saved artifact or the command line.
     *
     * @param params the parameters as written; null or missing keys take the provider's defaults
     * @param path   where {@code params} sit in the document, e.g. {@code learner.params} or
     *               {@code stages[1].config}, so errors name the full field path
     * @param source the file the parameters came from, for messages, or null
     */
    public static <C extends Record> C bindParams(Provider<C> provider, JsonNode params, String path, String source) {
        return bind(params == null || params.isNull() ? ConfigMappers.json().createObjectNode() : params,
                provider.defaults(), provider.configType(), path, source);
    }

    /**
     * Runs a provider's factory (its {@code create} or {@code open}) on a config bound at {@code path}, reporting the
     * checks the factory makes against the data or the environment like binding errors: a {@link ConfigException}
     * naming a field of the config, or an {@link IllegalArgumentException} whose message starts with one of
     * {@code configType}'s fields ({@code "backbone.type: conv4 needs images ..."}), becomes a ConfigException at the
     * full path with the source; an {@link ArithmeticException} (an array size overflowing) becomes a ConfigException
     * at {@code path}. Other failures pass unchanged.
     */
    public static <R> R create(Class<? extends Record> configType, String path, String source, Supplier<R> factory) {
        try {
            return factory.get();
        } catch (ConfigException e) {
            if (e.path().isEmpty() || !isField(configType, e.path())) {
                throw e;
            }
            throw new ConfigException(joinField(path, e.path()), e.detail() + in(source), e);
        } catch (IllegalArgumentException e) {
            String msg = e.getMessage();
            int colon = msg == null ? -1 : msg.indexOf(": ");
            if (colon <= 0 || !isField(configType, msg.substring(0, colon))) {
                throw e;
            }
            throw new ConfigException(joinField(path, msg.substring(0, colon)), msg.substring(colon + 2) + in(source),
                    e);
        } catch (ArithmeticException e) {
            if (e.getMessage() == null || !e.getMessage().contains("overflow")) {
                throw e;
            }
            // Math.multiplyExact and friends while sizing arrays: a width or channel count far too large.
            throw new ConfigException(path, "sizes too large: building it overflowed (" + e.getMessage() + "), an"
                    + " array would need more than 2^31 values; use smaller widths, channels or image sizes"
                    + in(source), e);
        }
    }

    /** True when {@code field} (possibly dotted or indexed) starts with a component of {@code type}. */
    private static boolean isField(Class<?> type, String field) {
        String head = field.split("[.\\[]", 2)[0];
        return type.isRecord() && Arrays.stream(type.getRecordComponents()).anyMatch(c -> c.getName().equals(head));
    }

    /** The record as a JSON tree. */
    public static ObjectNode toTree(Object record) {
        return ConfigMappers.json().valueToTree(record);
    }

    /**
     * A Jackson failure as a message in the user's terms: the field path, what was expected and the value found in
     * {@code tree} (never Jackson's type or token names).
     */
    static ConfigException translate(JsonProcessingException e, String base, String source, JsonNode tree) {
        List<JsonMappingException.Reference> refs = e instanceof JsonMappingException m ? m.getPath() : List.of();
        String at = join(base, pathOf(refs));
        JsonNode value = valueAt(tree, refs);
        InputCoercionException range = e instanceof InputCoercionException c ? c
                : e.getCause() instanceof InputCoercionException c ? c : null;
        if (range != null && range.getTargetType() != null) {
            return new ConfigException(at, "expected " + describe(range.getTargetType()) + " in " + range(range
                    .getTargetType()) + ", got " + (value == null ? range.getMessage() : found(value)) + in(source), e);
        }
        if (e instanceof UnrecognizedPropertyException u) {
            String allowed = new TreeSet<>(u.getKnownPropertyIds().stream().map(String::valueOf).toList()).toString();
            return new ConfigException(at,
                    "unknown key; allowed keys here: " + allowed + in(source), e);
        }
        if (e instanceof ValueInstantiationException v && v.getCause() instanceof IllegalArgumentException iae) {
            String msg = iae.getMessage();
            int colon = msg == null ? -1 : msg.indexOf(": ");
            if (colon > 0 && !msg.substring(0, colon).contains(" ")) {
                String field = joinField(at, msg.substring(0, colon));
                return new ConfigException(field, msg.substring(colon + 2) + in(source), e);
            }
            return new ConfigException(at, msg + in(source), e);
        }
        if (e instanceof ValueInstantiationException v && v.getCause() instanceof NullPointerException npe
                && npe.getMessage() != null && npe.getMessage().matches("[A-Za-z][A-Za-z0-9]*")) {
            // Objects.requireNonNull(value, "field") in a compact constructor
            return new ConfigException(join(at, npe.getMessage()), "expected a value, got nothing" + in(source), e);
        }
        if (e instanceof InvalidFormatException f) {
            return new ConfigException(at, "expected " + describe(f.getTargetType()) + ", got " + quote(f.getValue())
                    + in(source), e);
        }
        if (e instanceof MismatchedInputException m && m.getTargetType() != null) {
            return new ConfigException(at, "expected " + describe(m.getTargetType()) + ", got "
                    + (value == null ? "something else" : found(value)) + in(source), e);
        }
        return new ConfigException(at, firstLine(e.getOriginalMessage()) + in(source), e);
    }

    /** The node {@code refs} lead to in {@code tree}, or null where they cannot be followed. */
    private static JsonNode valueAt(JsonNode tree, List<JsonMappingException.Reference> refs) {
        JsonNode node = tree;
        for (JsonMappingException.Reference r : refs) {
            if (node == null) {
                return null;
            }
            node = r.getFieldName() != null ? node.get(r.getFieldName()) : node.get(r.getIndex());
        }
        return refs.isEmpty() ? null : node;
    }

    /** How a value found in the document is shown in a message: {@code a list [1, 2]}, {@code "text"}, {@code 3}. */
    private static String found(JsonNode value) {
        if (value.isNull()) {
            return "null";
        }
        if (value.isArray()) {
            return "a list " + value;
        }
        if (value.isObject()) {
            return "a mapping " + value;
        }
        return value.isTextual() ? "\"" + value.asText() + "\"" : value.asText();
    }

    private static String range(Class<?> type) {
        if (type == int.class || type == Integer.class) {
            return "[" + Integer.MIN_VALUE + ", " + Integer.MAX_VALUE + "]";
        }
        if (type == long.class || type == Long.class) {
            return "[" + Long.MIN_VALUE + ", " + Long.MAX_VALUE + "]";
        }
        return "its range";
    }

    private static String pathOf(List<JsonMappingException.Reference> refs) {
        return refs.stream()
                .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
    }

    static String join(String a, String b) {
        if (a == null || a.isEmpty()) {
            return b == null ? "" : b;
        }
        return b == null || b.isEmpty() ? a : a + "." + b;
    }

    /**
     * {@code at} joined with a field a record's validation named; a record that names itself as the user writes it
     * (e.g. {@code backbone.type} from a record bound at {@code learner.params.backbone}) shares its first segment
     * with the end of {@code at}, which is written once.
     */
    static String joinField(String at, String field) {
        int dot = field.indexOf('.');
        if (dot > 0 && at != null) {
            String head = field.substring(0, dot);
            if (at.equals(head) || at.endsWith("." + head)) {
                return at + field.substring(dot);
            }
        }
        return join(at, field);
    }

    private static String describe(Class<?> type) {
        if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
            return "an integer";
        }
        if (type == double.class || type == Double.class || type == float.class || type == Float.class) {
            return "a number";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "true or false";
        }
        if (type == String.class) {
            return "a string";
        }
        if (type.isEnum()) {
            return "one of " + EnumNames.of(type);
        }
        if (type.isRecord()) {
            return "a mapping with keys " + List.of(type.getRecordComponents()).stream()
                    .map(java.lang.reflect.RecordComponent::getName).toList();
        }
        return "a " + type.getSimpleName();
    }

    private static String quote(Object value) {
        return value instanceof String s ? "\"" + s + "\"" : String.valueOf(value);
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "invalid value";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    static String in(String source) {
        return source == null ? "" : " (in " + source + ")";
    }
}
