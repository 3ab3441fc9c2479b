package org.metalearn4j.examples.serve;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.Base64;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.metalearn4j.core.model.ModelDescription;

/**
 * One example's input as the model's values: {@code "image"} (a base64 PNG or JPEG, optionally as a
 * {@code data:image/...;base64,} URL) prepared as the training images were ({@link ModelDescription#image()}), or
 * {@code "values"} (an array of {@link ModelDescription#exampleSize()} numbers, row-major).
 */
final class ExampleDecoder {
    private final ModelDescription model;
    private final long maxImagePixels;

    ExampleDecoder(ModelDescription model, long maxImagePixels) {
        this.model = model;
        this.maxImagePixels = maxImagePixels;
    }

    /** The input of {@code item} (a JSON object at {@code path}, e.g. {@code query[2]}). */
    float[] input(JsonNode item, String path) {
        JsonNode image = item.get("image");
        JsonNode values = item.get("values");
        if ((image == null) == (values == null)) {
            throw BadRequest.invalid(path, (image == null ? "has neither" : "has both") + " 'image' (a base64 PNG or"
                    + " JPEG) and 'values' (an array of " + model.exampleSize() + " numbers); give exactly one");
        }
        return image != null ? image(image, path + ".image") : values(values, path + ".values");
    }

    private float[] values(JsonNode values, String path) {
        if (!values.isArray()) {
            throw BadRequest.invalid(path, "expected an array of " + model.exampleSize() + " numbers, got "
                    + RequestParser.kind(values));
        }
        if (values.size() != model.exampleSize()) {
            throw BadRequest.invalid(path, "expected " + model.exampleSize() + " numbers (input shape "
                    + Arrays.toString(model.inputShape()) + ", row-major), got " + values.size());
        }
        float[] out = new float[values.size()];
        for (int i = 0; i < out.length; i++) {
            JsonNode v = values.get(i);
            if (!v.isNumber()) {
                throw BadRequest.invalid(path + "[" + i + "]", "expected a number, got " + RequestParser.kind(v));
            }
            out[i] = v.floatValue();
        }
        return out;
    }

    private float[] image(JsonNode node, String path) {
        if (model.image() == null) {
            throw BadRequest.invalid(path, "this model's examples are not images (data set '" + model.dataset()
                    + "', input shape " + Arrays.toString(model.inputShape()) + "); give 'values' instead");
        }
        if (!node.isTextual()) {
            throw BadRequest.invalid(path, "expected a base64 PNG or JPEG as a string, got "
                    + RequestParser.kind(node));
        }
        String text = node.asText();
        int comma = text.indexOf(',');
        if (text.startsWith("data:") && comma > 0) {
            text = text.substring(comma + 1);
        }
        byte[] bytes;
        try {
            // MIME decoding also takes the line-wrapped output of the base64 tool
            bytes = Base64.getMimeDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            throw BadRequest.invalid(path, "not base64 (" + e.getMessage() + "); expected a base64 PNG or JPEG");
        }
        return model.image().values(decode(bytes, path));
    }

    private BufferedImage decode(byte[] bytes, String path) {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                throw BadRequest.invalid(path, "not an image (" + bytes.length + " bytes no decoder recognised);"
                        + " expected a base64 PNG or JPEG");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                long pixels = (long) reader.getWidth(0) * reader.getHeight(0);
                if (pixels > maxImagePixels) {
                    throw new BadRequest(BadRequest.TOO_LARGE, path, "a " + reader.getWidth(0) + "x"
                            + reader.getHeight(0) + " image has " + pixels + " pixels, at most " + maxImagePixels
                            + " are accepted (--max-image-pixels)");
                }
                return reader.read(0);
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof BadRequest bad) {
                throw bad;
            }
            throw BadRequest.invalid(path, "not a readable image (" + e.getMessage() + "); expected a base64 PNG or"
                    + " JPEG");
        }
    }
}
