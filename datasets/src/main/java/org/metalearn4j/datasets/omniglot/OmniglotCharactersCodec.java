package org.metalearn4j.datasets.omniglot;

import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.metalearn4j.datasets.store.DecodedImageCache;

/**
 * Decoded Omniglot characters in a {@link DecodedImageCache} file: the characters in order, each with its alphabet,
 * name and drawings (drawer and the ink values as big-endian floats), so a read gives back bitwise the same images.
 */
final class OmniglotCharactersCodec implements DecodedImageCache.Codec<List<OmniglotCharacter>> {
    @Override
    public void write(List<OmniglotCharacter> characters, DataOutputStream out) throws IOException {
        out.writeInt(characters.size());
        for (OmniglotCharacter c : characters) {
            DecodedImageCache.writeString(out, c.alphabet());
            DecodedImageCache.writeString(out, c.character());
            out.writeInt(c.images().size());
            for (int i = 0; i < c.images().size(); i++) {
                float[] image = c.images().get(i);
                DecodedImageCache.writeString(out, c.drawers().get(i));
                out.writeInt(image.length);
                for (float v : image) {
                    out.writeFloat(v);
                }
            }
        }
    }

    @Override
    public List<OmniglotCharacter> read(ByteBuffer in) {
        int count = nonNegative(in.getInt(), "character count");
        List<OmniglotCharacter> characters = new ArrayList<>(count);
        for (int c = 0; c < count; c++) {
            String alphabet = DecodedImageCache.readString(in);
            String character = DecodedImageCache.readString(in);
            int drawings = nonNegative(in.getInt(), "drawing count");
            List<float[]> images = new ArrayList<>(drawings);
            List<String> drawers = new ArrayList<>(drawings);
            for (int d = 0; d < drawings; d++) {
                drawers.add(DecodedImageCache.readString(in));
                int pixels = nonNegative(in.getInt(), "pixel count");
                if ((long) pixels * Float.BYTES > in.remaining()) {
                    throw new IllegalArgumentException(pixels + " pixels with " + in.remaining() + " bytes left");
                }
                float[] image = new float[pixels];
                in.asFloatBuffer().get(image);
                in.position(in.position() + pixels * Float.BYTES);
                images.add(image);
            }
            characters.add(new OmniglotCharacter(alphabet, character, images, drawers));
        }
        return characters;
    }

    private static int nonNegative(int value, String what) {
        if (value < 0) {
            throw new IllegalArgumentException(what + " " + value);
        }
        return value;
    }
}
