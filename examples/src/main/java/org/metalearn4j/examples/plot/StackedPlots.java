package org.metalearn4j.examples.plot;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CombinedDomainXYPlot;

/**
 * {@link LinePlot}s stacked top to bottom over one shared x axis, e.g. loss above accuracy; each keeps its own y axis
 * and the legend lists every series once per panel.
 */
public final class StackedPlots implements Figure {
    private final String title;
    private final String xLabel;
    private final List<LinePlot> panels;

    /**
     * @param title  shown above the panels, or null
     * @param xLabel the shared x axis label (the panels' own x labels are not shown)
     * @param panels at least one panel, top first
     */
    public StackedPlots(String title, String xLabel, List<LinePlot> panels) {
        if (panels.isEmpty()) {
            throw new IllegalArgumentException("stacked plots need at least one panel");
        }
        this.title = title;
        this.xLabel = xLabel;
        this.panels = List.copyOf(panels);
    }

    /** The chart with every panel. */
    public JFreeChart chart() {
        NumberAxis x = new NumberAxis(xLabel);
        x.setAutoRangeIncludesZero(false);
        CombinedDomainXYPlot combined = new CombinedDomainXYPlot(x);
        combined.setGap(12);
        panels.forEach(p -> combined.add(p.plot(), 1));
        JFreeChart chart = new JFreeChart(title, JFreeChart.DEFAULT_TITLE_FONT, combined, true);
        chart.setBackgroundPaint(Color.WHITE);
        return chart;
    }

    @Override
    public void draw(Graphics2D g, Rectangle2D area) {
        chart().draw(g, area);
    }
}
