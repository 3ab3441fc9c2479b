package org.metalearn4j.examples.apps.navigation;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.metalearn4j.optimization.rl.Trajectories;

/**
 * A PNG of 2-D navigation trajectories: a grid of square panels (one row per learner, one column per number of
 * adaptation steps), each showing the paths from the origin (the positions in which the actions were taken), the goal
 * as a red cross and, dashed, the square the goals are drawn from. Self-contained (Java2D), with no plotting library.
 */
final class TrajectoryPicture {
    private static final int SIZE = 260;
    private static final int MARGIN = 24;
    private static final double EXTENT = 1.0;

    /** One panel: a title, the goal and the trajectories' positions. */
    record Panel(String title, double[] goal, Trajectories paths) {
    }

    private TrajectoryPicture() {
    }

    /** Writes {@code rows} of panels to {@code file} (headless). */
    static void write(Path file, List<List<Panel>> rows) throws IOException {
        int columns = rows.stream().mapToInt(List::size).max().orElse(1);
        BufferedImage image = new BufferedImage(columns * SIZE, rows.size() * SIZE, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, image.getWidth(), image.getHeight());
        for (int r = 0; r < rows.size(); r++) {
            for (int c = 0; c < rows.get(r).size(); c++) {
                draw(g, rows.get(r).get(c), c * SIZE, r * SIZE);
            }
        }
        g.dispose();
        Files.createDirectories(file.toAbsolutePath().getParent());
        ImageIO.write(image, "png", file.toFile());
    }

    private static void draw(Graphics2D g, Panel panel, int left, int top) {
        g.setColor(Color.LIGHT_GRAY);
        g.drawRect(left + 2, top + 2, SIZE - 4, SIZE - 4);
        g.setStroke(new BasicStroke(1f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 1f, new float[] {3f, 3f}, 0));
        g.drawRect(x(left, -0.5), y(top, 0.5), x(left, 0.5) - x(left, -0.5), y(top, -0.5) - y(top, 0.5));
        g.setStroke(new BasicStroke(1f));
        g.setColor(Color.DARK_GRAY);
        g.drawString(panel.title(), left + 6, top + 16);
        Trajectories t = panel.paths();
        int o = t.observationSize();
        g.setColor(new Color(30, 90, 200, 140));
        for (int i = 0; i < t.count(); i++) {
            Path2D.Double path = new Path2D.Double();
            path.moveTo(x(left, 0), y(top, 0));
            for (int step = 0; step < t.horizon() && t.alive()[i * t.horizon() + step] > 0; step++) {
                int row = i * t.horizon() + step;
                path.lineTo(x(left, t.observations()[row * o]), y(top, t.observations()[row * o + 1]));
            }
            g.draw(path);
        }
        g.setColor(Color.BLACK);
        g.fillOval(x(left, 0) - 3, y(top, 0) - 3, 7, 7);
        g.setColor(Color.RED);
        g.setStroke(new BasicStroke(2.5f));
        int gx = x(left, panel.goal()[0]);
        int gy = y(top, panel.goal()[1]);
        g.drawLine(gx - 6, gy - 6, gx + 6, gy + 6);
        g.drawLine(gx - 6, gy + 6, gx + 6, gy - 6);
        g.setStroke(new BasicStroke(1f));
    }

    private static int x(int left, double v) {
        double clipped = Math.max(-EXTENT, Math.min(EXTENT, v));
        return left + MARGIN + (int) Math.round((clipped + EXTENT) / (2 * EXTENT) * (SIZE - 2 * MARGIN));
    }

    private static int y(int top, double v) {
        double clipped = Math.max(-EXTENT, Math.min(EXTENT, v));
        return top + MARGIN + (int) Math.round((EXTENT - clipped) / (2 * EXTENT) * (SIZE - 2 * MARGIN));
    }
}
