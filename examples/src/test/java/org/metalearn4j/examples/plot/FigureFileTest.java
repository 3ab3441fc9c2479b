package org.metalearn4j.examples.plot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.function.DoubleUnaryOperator;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.metalearn4j.core.spi.ConfigException;
import org.w3c.dom.Document;

/** Every kind of figure renders to PNG and SVG with its series visible in their colours. */
class FigureFileTest {
    @TempDir
    Path dir;

    private static final double[] X = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9};

    private static double[] map(DoubleUnaryOperator f) {
        return Arrays.stream(X).map(f).toArray();
    }

    /** Pixels of exactly {@code color} in the image. */
    private static int count(BufferedImage image, Color color) {
        int n = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                if ((image.getRGB(x, y) & 0xffffff) == (color.getRGB() & 0xffffff)) {
                    n++;
                }
            }
        }
        return n;
    }

    private static Document svg(Path file) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        // The document names the SVG 1.1 DTD; parsing must not fetch it.
        factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        return factory.newDocumentBuilder().parse(file.toFile());
    }

    @Test
    void aLinePlotWithABandScatterAndErrorBarsDrawsEachSeriesInItsColour() throws Exception {
        LinePlot plot = new LinePlot("GP posterior", "x", "y")
                .band("mean ± 2 sd", X, map(Math::sin), map(x -> Math.sin(x) - 0.5), map(x -> Math.sin(x) + 0.5))
                .scatter("context", new double[] {1, 4, 7}, new double[] {0.8, -0.7, 0.6})
                .line("target", X, map(x -> Math.sin(x) + 0.1))
                .color(new Color(0x123456)).errorBars("evaluation", new double[] {2, 5}, new double[] {0.9, -0.9},
                        new double[] {0.2, 0.3});
        Path png = FigureFile.write(plot, dir.resolve("fit.png"), 640, 400);
        BufferedImage image = ImageIO.read(png.toFile());

        assertThat(image.getWidth()).isEqualTo(640);
        assertThat(image.getHeight()).isEqualTo(400);
        assertThat(count(image, LinePlot.PALETTE.get(0))).as("band's mean line").isGreaterThan(200);
        assertThat(count(image, LinePlot.PALETTE.get(1))).as("scatter points").isGreaterThan(20);
        assertThat(count(image, LinePlot.PALETTE.get(2))).as("target line").isGreaterThan(200);
        assertThat(count(image, new Color(0x123456))).as("error bars").isGreaterThan(20);

        Path svgFile = FigureFile.write(plot, dir.resolve("fit.svg"), 640, 400);
        Document doc = svg(svgFile);
        assertThat(doc.getDocumentElement().getTagName()).isEqualTo("svg");
        String text = Files.readString(svgFile);
        assertThat(text).contains("GP posterior").contains("mean ± 2 sd").contains("rgb(18,52,86)")
                .contains("fill-opacity");
    }

    @Test
    void aLogAxisLeavesOutValuesItCannotShowAndStackedPanelsShareTheXAxis() throws Exception {
        LinePlot loss = new LinePlot(null, "step", "loss").logY()
                .line("learned optimizer", X, map(x -> Math.exp(-x)))
                .line("adam", X, map(x -> x == 3 ? 0 : Math.exp(-x / 2)));
        LinePlot accuracy = new LinePlot(null, "step", "accuracy").line("learned optimizer", X, map(x -> x / 10));
        StackedPlots figure = new StackedPlots("learned optimizer", "step", List.of(loss, accuracy));
        BufferedImage image = ImageIO.read(FigureFile.write(figure, dir.resolve("opt.png"), 600, 600).toFile());

        assertThat(count(image, LinePlot.PALETTE.get(0))).isGreaterThan(300);
        assertThat(count(image, LinePlot.PALETTE.get(1))).isGreaterThan(100);
        assertThat(svg(FigureFile.write(figure, dir.resolve("opt.svg"), 600, 600)).getDocumentElement()
                .getTagName()).isEqualTo("svg");
    }

    @Test
    void anImageGridShowsEachImageWithCrispPixelsAndItsCaption() throws Exception {
        double[][] checker = new double[4][4];
        for (int r = 0; r < 4; r++) {
            for (int c = 0; c < 4; c++) {
                checker[r][c] = (r + c) % 2;
            }
        }
        ImageGrid grid = new ImageGrid("samples", 3);
        for (int i = 0; i < 5; i++) {
            grid.add(ImageGrid.gray(checker), "sample " + i);
        }
        grid.add(ImageGrid.gray(new double[] {0, 0.5, 1, Double.NaN, 2, -1}, 2, 3), "clipped");
        BufferedImage image = ImageIO.read(FigureFile.write(grid, dir.resolve("grid.png"), 600, 420).toFile());

        assertThat(grid.size()).isEqualTo(6);
        int black = count(image, Color.BLACK);
        int white = count(image, Color.WHITE);
        // Five 4x4 checkerboards scaled by nearest neighbour: half black, no grey between the squares.
        assertThat(black).isGreaterThan(5 * 8 * 900);
        assertThat(count(image, new Color(128, 128, 128))).as("the 0.5 pixel only").isBetween(500, 40_000);
        assertThat(white).isGreaterThan(black);
        String svg = Files.readString(FigureFile.write(grid, dir.resolve("grid.svg"), 600, 420));
        assertThat(svg).contains("sample 4").contains("clipped").contains("data:image/png;base64");
    }

    @Test
    void aFileNameWithoutPngOrSvgIsRefusedAndNothingIsWritten() {
        LinePlot plot = new LinePlot(null, "x", "y").line("a", X, X);
        assertThatThrownBy(() -> FigureFile.write(plot, dir.resolve("plot.jpg"), 100, 100))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("plot.jpg: expected a file name ending in .png or .svg");
        assertThatThrownBy(() -> plot.line("bad", new double[2], new double[3]))
                .hasMessageContaining("series 'bad'").hasMessageContaining("same length");
        assertThat(dir).isEmptyDirectory();
    }

    @Test
    void imageSizeMismatchesAreNamed() {
        assertThatThrownBy(() -> ImageGrid.gray(new double[5], 2, 3)).hasMessage("expected 2 x 3 = 6 pixels, got 5");
        assertThatThrownBy(() -> ImageGrid.gray(new double[][] {{1, 2}, {3}}))
                .hasMessage("image row 1 has 1 pixels, row 0 has 2");
    }

}
