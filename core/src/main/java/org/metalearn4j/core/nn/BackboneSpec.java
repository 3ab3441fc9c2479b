package org.metalearn4j.core.nn;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import org.metalearn4j.core.config.ConfigBinder;
import org.metalearn4j.core.nn.backbone.Backbone;
import org.metalearn4j.core.nn.backbone.BackboneProvider;
import org.metalearn4j.core.nn.backbone.BackboneUse;
import org.metalearn4j.core.plugin.PluginRegistry;
import org.metalearn4j.core.spi.ConfigException;
import org.metalearn4j.core.spi.ProviderRegistry;

/**
 * The backbone network (feature extractor) a learner or transfer stage builds, as written under a {@code backbone:}
 * key: {@code {type: conv4, channels: 32}} or {@code {type: mlp, hidden: [40, 40]}}. {@code type} names a
 * {@link BackboneProvider} (built in: {@code conv4}, {@code mlp}; plugins add more) and the other keys are that
 * provider's parameters, over its defaults ({@code metalearn config --defaults conv4}). {@code auto} is {@code conv4}
 * for inputs of shape {@code [C, H, W]} and {@code mlp} otherwise.
 *
 * <p>Validation errors name the field as written ({@code backbone.type}, {@code backbone.channels}); parameters of a
 * type known on the class path are checked when the config is read, those of plugin types when the network is built.
 *
 * @param type   the provider's name, or {@code auto}
 * @param params the provider's parameters (everything but {@code type})
 */
public record BackboneSpec(
        @JsonPropertyDescription("backbone provider (metalearn plugins lists them): conv4, resnet12, mlp, or auto"
                + " (conv4 for images, mlp otherwise)") String type,
        @JsonPropertyDescription("the provider's parameters, written beside type (metalearn config --defaults TYPE)")
        ObjectNode params) {
    /** The configuration key a backbone is written under, at any depth of a learner's or stage's parameters. */
    public static final String KEY = "backbone";
    public static final String AUTO = "auto";
    public static final String CONV4 = "conv4";
    public static final String MLP = "mlp";
    private static final String TYPE = "type";

    public BackboneSpec {
        if (type == null || type.isBlank()) {
            throw new IllegalArgumentException("backbone.type: expected a backbone name (auto, conv4, resnet12, mlp"
                    + " or a plugin's), got " + (type == null ? "nothing" : "'" + type + "'"));
        }
        params = params == null ? JsonNodeFactory.instance.objectNode() : params.deepCopy();
        if (params.has(TYPE)) {
            throw new IllegalArgumentException("backbone.params: must not contain 'type'");
        }
        checkKnownParameters(type, params);
    }

    /** A copy: the record stays immutable although Jackson trees are not. */
    @Override
    public ObjectNode params() {
        return params.deepCopy();
    }

    /** Reads the flat form {@code {type: NAME, key: value, ...}}. */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static BackboneSpec fromJson(JsonNode node) {
        if (node == null || !node.isObject()) {
            throw new IllegalArgumentException("backbone: expected a mapping such as {type: conv4, channels: 64}, got "
                    + node);
        }
        ObjectNode rest = ((ObjectNode) node).deepCopy();
        JsonNode type = rest.remove(TYPE);
        if (type != null && !type.isTextual()) {
            throw new IllegalArgumentException("backbone.type: expected a backbone name, got " + type);
        }
        return new BackboneSpec(type == null ? AUTO : type.asText(), rest);
    }

    /** The flat form, as configs write it. */
    @JsonValue
    public ObjectNode toJson() {
        ObjectNode out = JsonNodeFactory.instance.objectNode().put(TYPE, type);
        out.setAll(params.deepCopy());
        return out;
    }

    /** {@code auto} with every provider default: conv4 with 64 channels for images, mlp 40-40 for vectors. */
    public static BackboneSpec defaults() {
        return new BackboneSpec(AUTO, null);
    }

    /** Conv4 with {@code channels} channels per block (64 is the standard few-shot backbone). */
    public static BackboneSpec conv4(int channels) {
        return new BackboneSpec(CONV4, JsonNodeFactory.instance.objectNode().put("channels", channels));
    }

    /**
     * Conv4 with {@code channels} channels per block, its last block without the ReLU when {@code finalRelu} is false
     * (signed features, for cosine classifiers).
     */
    public static BackboneSpec conv4(int channels, boolean finalRelu) {
        return new BackboneSpec(CONV4, JsonNodeFactory.instance.objectNode().put("channels", channels)
                .put("finalRelu", finalRelu));
    }

    /** An mlp with one Linear + ReLU layer per width. */
    public static BackboneSpec mlp(int... widths) {
        ObjectNode p = JsonNodeFactory.instance.objectNode();
        Arrays.stream(widths).forEach(p.putArray("hidden")::add);
        return new BackboneSpec(MLP, p);
    }

    /**
     * This spec with every parameter its provider would default written out beside the written ones: the form a run
     * records, so that it rebuilds the same network after a learner's default backbone or a provider's defaults
     * change. {@code auto} gets the defaults of both networks it may stand for (their keys differ, and {@link #build}
     * passes each only its own); a type {@code registry} does not know is returned as it is.
     *
     * @throws ConfigException naming the parameter if one does not bind
     */
    public BackboneSpec complete(ProviderRegistry registry) {
        List<String> candidates = AUTO.equals(type) ? List.of(CONV4, MLP) : List.of(type);
        ObjectNode full = JsonNodeFactory.instance.objectNode();
        for (String name : candidates) {
            if (registry.backbones().stream().noneMatch(p -> p.name().equals(name))) {
                return this;
            }
            BackboneProvider<?> provider = registry.backbone(name);
            full.setAll((ObjectNode) ConfigBinder.toTree(ConfigBinder.bindParams(provider, paramsFor(provider),
                    KEY, null)));
        }
        return new BackboneSpec(type, full);
    }

    /** The provider name {@code auto} stands for with examples of shape {@code inputShape}; other types as is. */
    public String resolvedType(long[] inputShape) {
        if (AUTO.equals(type)) {
            return inputShape.length == 3 ? CONV4 : MLP;
        }
        return type;
    }

    /**
     * Builds the network for examples of shape {@code inputShape} with the providers of {@code registry}.
     *
     * @throws ConfigException naming {@code backbone.type} (unknown name, unsuitable input) or the parameter
     */
    public Backbone build(ProviderRegistry registry, long[] inputShape, BackboneUse use) {
        String resolved = resolvedType(inputShape);
        BackboneProvider<?> provider;
        try {
            provider = registry.backbone(resolved);
        } catch (IllegalArgumentException e) {
            throw new ConfigException("backbone.type", e.getMessage(), e);
        }
        return create(provider, paramsFor(provider), inputShape, use);
    }

    /** As {@link #build(ProviderRegistry, long[], BackboneUse)} with the backbones on the class path. */
    public Backbone build(long[] inputShape, BackboneUse use) {
        return build(ClassPathBackbones.REGISTRY, inputShape, use);
    }

    private static <C extends Record> Backbone create(BackboneProvider<C> provider, ObjectNode params,
                                                      long[] inputShape, BackboneUse use) {
        C config = ConfigBinder.bindParams(provider, params, KEY, null);
        try {
            return provider.create(config, inputShape, use);
        } catch (IllegalArgumentException e) {
            String message = String.valueOf(e.getMessage());
            int colon = message.indexOf(": ");
            throw message.startsWith("backbone.") && colon > 0
                    ? new ConfigException(message.substring(0, colon), message.substring(colon + 2), e)
                    : new ConfigException("backbone.type", provider.name() + ": " + message, e);
        }
    }

    /** For {@code auto}, only the keys the resolved provider has (keys of either built-in one are allowed). */
    private ObjectNode paramsFor(BackboneProvider<?> provider) {
        if (!AUTO.equals(type)) {
            return params.deepCopy();
        }
        Set<String> known = keysOf(provider.configType());
        ObjectNode kept = JsonNodeFactory.instance.objectNode();
        params.properties().forEach(e -> {
            if (known.contains(e.getKey())) {
                kept.set(e.getKey(), e.getValue().deepCopy());
            }
        });
        return kept;
    }

    /**
     * Fails early, naming the key, for parameters the class path's provider of {@code type} does not have; plugin
     * types are only known once their JARs are loaded and are checked by {@link #build}.
     */
    private static void checkKnownParameters(String type, ObjectNode params) {
        ProviderRegistry classpath = ClassPathBackbones.REGISTRY;
        List<BackboneProvider<?>> providers = new ArrayList<>();
        if (AUTO.equals(type)) {
            providers.add(classpath.backbone(CONV4));
            providers.add(classpath.backbone(MLP));
        } else if (classpath.backbones().stream().anyMatch(p -> p.name().equals(type))) {
            providers.add(classpath.backbone(type));
        } else {
            return;
        }
        Set<String> known = new TreeSet<>();
        providers.forEach(p -> known.addAll(keysOf(p.configType())));
        params.fieldNames().forEachRemaining(key -> {
            if (!known.contains(key)) {
                throw new IllegalArgumentException("backbone." + key + ": unknown key for backbone type '" + type
                        + "'; allowed keys here: " + new TreeSet<>(known) + " and type");
            }
        });
        if (!AUTO.equals(type)) {
            try {
                bindOnly(providers.get(0), params);
            } catch (ConfigException e) {
                throw new IllegalArgumentException(e.getMessage(), e);
            }
        }
    }

    private static <C extends Record> void bindOnly(BackboneProvider<C> provider, ObjectNode params) {
        ConfigBinder.bindParams(provider, params, KEY, null);
    }

    /** Looked up once: the class path does not change, and configs are bound often. */
    private static final class ClassPathBackbones {
        static final ProviderRegistry REGISTRY = PluginRegistry.of("classpath", ServiceLoader.load(
                BackboneProvider.class, BackboneSpec.class.getClassLoader()).stream().map(Supplier::get).toArray());
    }

    private static Set<String> keysOf(Class<?> configType) {
        Set<String> keys = new TreeSet<>();
        for (RecordComponent c : configType.getRecordComponents()) {
            keys.add(c.getName());
        }
        return keys;
    }
}
