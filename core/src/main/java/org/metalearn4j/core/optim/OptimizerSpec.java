package org.metalearn4j.core.optim;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ServiceLoader;
import java.util.function.Supplier;
import org.metalearn4j.core.config.ConfigBinder;
import org.metalearn4j.core.plugin.PluginRegistry;
import org.metalearn4j.core.spi.ConfigException;
import org.metalearn4j.core.spi.ProviderRegistry;

/**
 * The optimizer a training loop uses, as written under an {@code optimizer:} key: {@code {type: adam}},
 * {@code {type: sgd, momentum: 0.9}} or {@code {type: learned-lstm, path: run/}}. {@code type} names an
 * {@link OptimizerProvider} (built in: {@code adam}, {@code sgd}, {@code rmsprop}; plugins add more) and the other keys
 * are that provider's settings, over its defaults ({@code metalearn config --defaults adam}). The learning rate and
 * frozen parameters are the training loop's ({@link OptimizerSetup}).
 *
 * <p>Settings of a type found on the class path are checked when the config is read, those of plugin types when the
 * optimizer is created; errors name {@code optimizer.KEY}.
 *
 * @param type   the provider's name
 * @param params the provider's settings (everything but {@code type})
 */
public record OptimizerSpec(
        @JsonPropertyDescription("optimizer provider (metalearn plugins lists them): adam, sgd, rmsprop, learned-lstm"
                + " or a plugin's") String type,
        @JsonPropertyDescription("the provider's settings, written beside type (metalearn config --defaults TYPE)")
        ObjectNode params) {
    private static final String TYPE = "type";
    private static final String FIELD = "optimizer";

    public OptimizerSpec {
        if (type == null || type.isBlank()) {
            throw new IllegalArgumentException("optimizer.type: expected an optimizer name (adam, sgd, rmsprop or a"
                    + " plugin's), got " + (type == null ? "nothing" : "'" + type + "'"));
        }
        params = params == null ? JsonNodeFactory.instance.objectNode() : params.deepCopy();
        if (params.has(TYPE)) {
            throw new IllegalArgumentException("optimizer.params: must not contain 'type'");
        }
        checkKnownSettings(type, params);
    }

    /** Adam with its default settings. */
    public static OptimizerSpec adam() {
        return new OptimizerSpec("adam", null);
    }

    /** A copy: the record stays immutable although Jackson trees are not. */
    @Override
    public ObjectNode params() {
        return params.deepCopy();
    }

    /** Reads the flat form {@code {type: NAME, key: value, ...}}. */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static OptimizerSpec fromJson(JsonNode node) {
        if (node == null || !node.isObject()) {
            throw new IllegalArgumentException("optimizer: expected a mapping such as {type: adam}, got " + node);
        }
        ObjectNode rest = ((ObjectNode) node).deepCopy();
        JsonNode type = rest.remove(TYPE);
        if (type == null || !type.isTextual()) {
            throw new IllegalArgumentException("optimizer.type: expected an optimizer name, got " + type);
        }
        return new OptimizerSpec(type.asText(), rest);
    }

    /** The flat form, as configs write it. */
    @JsonValue
    public ObjectNode toJson() {
        ObjectNode out = JsonNodeFactory.instance.objectNode().put(TYPE, type);
        out.setAll(params.deepCopy());
        return out;
    }

    /**
     * A fresh optimizer of this type from {@code registry}'s providers.
     *
     * @throws ConfigException naming {@code optimizer.type} (unknown name) or the offending setting
     */
    public Optimizer create(ProviderRegistry registry, OptimizerSetup setup) {
        OptimizerProvider<?> provider;
        try {
            provider = registry.optimizer(type);
        } catch (IllegalArgumentException e) {
            throw new ConfigException("optimizer.type", e.getMessage(), e);
        }
        return create(provider, params, setup);
    }

    private static <C extends Record> Optimizer create(OptimizerProvider<C> provider, ObjectNode params,
                                                       OptimizerSetup setup) {
        C config = ConfigBinder.bindParams(provider, params, FIELD, null);
        try {
            return provider.create(config, setup);
        } catch (IllegalArgumentException e) {
            String message = String.valueOf(e.getMessage());
            int colon = message.indexOf(": ");
            boolean named = colon > 0 && !message.substring(0, colon).contains(" ");
            throw new ConfigException(named ? FIELD + "." + message.substring(0, colon) : FIELD + ".type",
                    named ? message.substring(colon + 2) : provider.name() + ": " + message, e);
        }
    }

    /** Fails early, naming the key, for settings of a type the class path provides; others are checked on create. */
    private static void checkKnownSettings(String type, ObjectNode params) {
        ClassPathOptimizers.REGISTRY.optimizers().stream().filter(p -> p.name().equals(type)).findFirst()
                .ifPresent(p -> {
                    try {
                        bindOnly(p, params);
                    } catch (ConfigException e) {
                        throw new IllegalArgumentException(e.getMessage(), e);
                    }
                });
    }

    private static <C extends Record> void bindOnly(OptimizerProvider<C> provider, ObjectNode params) {
        ConfigBinder.bindParams(provider, params, FIELD, null);
    }

    /** Looked up once: the class path does not change, and configs are bound often. */
    private static final class ClassPathOptimizers {
        static final ProviderRegistry REGISTRY = PluginRegistry.of("classpath", ServiceLoader.load(
                OptimizerProvider.class, OptimizerSpec.class.getClassLoader()).stream().map(Supplier::get).toArray());
    }
}
