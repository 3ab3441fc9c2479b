package org.metalearn4j.examples.plot;

import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;

/** Something that draws itself into a rectangle of a Java2D canvas: a PNG's pixels or an SVG document. */
public interface Figure {
    /** Draws the whole figure into {@code area}. */
    void draw(Graphics2D g, Rectangle2D area);
}
