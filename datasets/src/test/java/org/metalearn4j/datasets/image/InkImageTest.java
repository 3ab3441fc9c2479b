package org.metalearn4j.datasets.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import javax.imageio.ImageIO;
import org.metalearn4j.core.dataset.DatasetException;
import org.junit.jupiter.api.Test;

class InkImageTest {
    @Test
    void paletteAndGrayscalePngsGiveInkOneOnBlackAndZeroOnWhite() throws IOException {
        for (int type : new int[] {BufferedImage.TYPE_BYTE_BINARY, BufferedImage.TYPE_BYTE_GRAY}) {
            BufferedImage image = new BufferedImage(4, 4, type);
            for (int y = 0; y < 4; y++) {
                for (int x = 0; x < 4; x++) {
                    image.setRGB(x, y, x < 2 ? 0xFF000000 : 0xFFFFFFFF);
                }
            }
            float[] ink = InkImage.decode(png(image), 2, "test.png");
            assertThat(ink).containsExactly(1f, 0f, 1f, 0f);
        }
    }

    @Test
    void grayLevelsMapToProportionalInk() throws IOException {
        BufferedImage image = new BufferedImage(1, 1, BufferedImage.TYPE_BYTE_GRAY);
        image.getRaster().setSample(0, 0, 0, 51);
        assertThat(InkImage.decode(png(image), 1, "gray.png")[0]).isCloseTo(0.8f, within(1e-6f));
    }

    @Test
    void garbageNamesWhereItCameFrom() {
        assertThatThrownBy(() -> InkImage.decode(new byte[] {1, 2, 3}, 28, "a.zip entry x.png"))
                .isInstanceOf(DatasetException.class)
                .hasMessageContaining("a.zip entry x.png: not a readable PNG image");
    }

    private static byte[] png(BufferedImage image) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }
}
