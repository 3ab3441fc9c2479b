package org.metalearn4j.core.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import org.metalearn4j.core.nn.BackboneSpec;
import org.metalearn4j.core.spi.ConfigException;

/** Tree operations on configuration documents: defaults merging and {@code --set} overrides. */
final class JsonTrees {
    private JsonTrees() {
    }

    /**
     * {@code overlay} deep-merged over a copy of {@code base}: mappings merge key by key, anything else replaces.
     * The {@code params} of a component are replaced whole when the component's {@code name} changes, and a
     * {@code backbone} mapping whose {@code type} changes is replaced whole, because the defaults' parameters belong
     * to another provider.
     */
    static JsonNode merge(JsonNode base, JsonNode overlay, String path) {
        if (overlay == null || overlay.isMissingNode()) {
            return base.deepCopy();
        }
        if (!overlay.isObject()) {
            if (base.isObject() && !overlay.isNull()) {
                throw new ConfigException(path, "expected a mapping of keys to values, got " + overlay);
            }
            return overlay.deepCopy();
        }
        if (!base.isObject()) {
            return overlay.deepCopy();
        }
        if (isBackbone(path) && changes(base, overlay, "type")) {
            // a backbone of another type: the defaults' keys belong to the other provider
            return overlay.deepCopy();
        }
        ObjectNode out = ((ObjectNode) base).deepCopy();
        boolean renamed = changes(base, overlay, "name");
        for (Map.Entry<String, JsonNode> e : overlay.properties()) {
            JsonNode current = out.get(e.getKey());
            boolean replace = current == null || current.isNull() || (renamed && e.getKey().equals("params"));
            out.set(e.getKey(), replace ? e.getValue().deepCopy()
                    : merge(current, e.getValue(), ConfigBinder.join(path, e.getKey())));
        }
        if (renamed && !overlay.has("params")) {
            out.remove("params");
        }
        return out;
    }

    private static boolean isBackbone(String path) {
        return path != null && (path.equals(BackboneSpec.KEY) || path.endsWith("." + BackboneSpec.KEY));
    }

    private static boolean changes(JsonNode base, JsonNode overlay, String key) {
        return overlay.has(key) && base.has(key) && !overlay.get(key).equals(base.get(key));
    }

    /** Sets {@code dotted.path} to {@code value} in {@code root}, creating mappings on the way. */
    static void set(ObjectNode root, String dottedPath, JsonNode value) {
        String[] keys = dottedPath.split("\\.", -1);
        ObjectNode node = root;
        for (int i = 0; i < keys.length - 1; i++) {
            if (keys[i].isEmpty()) {
                throw new ConfigException(dottedPath, "empty key in --set path");
            }
            JsonNode child = node.get(keys[i]);
            if (child == null || child.isNull()) {
                child = node.putObject(keys[i]);
            } else if (!child.isObject()) {
                throw new ConfigException(dottedPath, "cannot set a key inside '" + keys[i] + "', which is the value "
                        + child + ", not a mapping");
            }
            node = (ObjectNode) child;
        }
        if (keys[keys.length - 1].isEmpty()) {
            throw new ConfigException(dottedPath, "empty key in --set path");
        }
        node.set(keys[keys.length - 1], value);
    }
}
