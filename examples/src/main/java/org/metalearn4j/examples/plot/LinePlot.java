package org.metalearn4j.examples.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.DatasetRenderingOrder;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.chart.renderer.xy.XYErrorRenderer;
import org.jfree.chart.renderer.xy.XYItemRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;

/**
 * A line chart over one x axis, built series by series: {@link #line} curves, {@link #band} curves with a shaded band
 * between a lower and an upper curve, {@link #scatter} points and {@link #errorBars} points with vertical error bars.
 * Each series takes the next colour of a fixed palette unless {@link #color} chose one for it, so a run's curve and its
 * evaluations can share a colour. Points whose y is not finite (or not positive, on a {@linkplain #logY log axis}) are
 * left out. Draw it with {@link FigureFile}, or stack several with {@link StackedPlots}.
 */
public final class LinePlot implements Figure {
    /** The palette series take their colours from, in order (Tableau 10). */
    public static final List<Color> PALETTE = List.of(new Color(0x1f77b4), new Color(0xd62728), new Color(0x2ca02c),
            new Color(0xff7f0e), new Color(0x9467bd), new Color(0x8c564b), new Color(0xe377c2), new Color(0x7f7f7f),
            new Color(0xbcbd22), new Color(0x17becf));

    private enum Kind { LINE, BAND, SCATTER, ERROR_BARS }

    private record Series(Kind kind, String name, Color color, double[] x, double[] y, double[] low, double[] high) {
    }

    private final String title;
    private final String xLabel;
    private final String yLabel;
    private final List<Series> series = new ArrayList<>();
    private Color next;
    private boolean logY;

    /**
     * @param title  shown above the chart, or null for none
     * @param xLabel the x axis label
     * @param yLabel the y axis label
     */
    public LinePlot(String title, String xLabel, String yLabel) {
        this.title = title;
        this.xLabel = Objects.requireNonNull(xLabel, "xLabel");
        this.yLabel = Objects.requireNonNull(yLabel, "yLabel");
    }

    /** The colour of the next series added, instead of the palette's next one. */
    public LinePlot color(Color color) {
        this.next = Objects.requireNonNull(color, "color");
        return this;
    }

    /** A curve through {@code (x[i], y[i])}. */
    public LinePlot line(String name, double[] x, double[] y) {
        return add(Kind.LINE, name, x, y, null, null);
    }

    /** A curve through {@code mean} with the band between {@code lower} and {@code upper} shaded in its colour. */
    public LinePlot band(String name, double[] x, double[] mean, double[] lower, double[] upper) {
        return add(Kind.BAND, name, x, mean, Objects.requireNonNull(lower, "lower"),
                Objects.requireNonNull(upper, "upper"));
    }

    /** Points at {@code (x[i], y[i])}, not joined. */
    public LinePlot scatter(String name, double[] x, double[] y) {
        return add(Kind.SCATTER, name, x, y, null, null);
    }

    /** Points with vertical bars from {@code y[i] - halfWidth[i]} to {@code y[i] + halfWidth[i]}. */
    public LinePlot errorBars(String name, double[] x, double[] y, double[] halfWidth) {
        Objects.requireNonNull(halfWidth, "halfWidth");
        double[] low = new double[y.length];
        double[] high = new double[y.length];
        for (int i = 0; i < y.length && i < halfWidth.length; i++) {
            low[i] = y[i] - halfWidth[i];
            high[i] = y[i] + halfWidth[i];
        }
        checkLengths(name, x, y, halfWidth.length);
        return add(Kind.ERROR_BARS, name, x, y, low, high);
    }

    /** Draws the y axis on a log scale (base 10). */
    public LinePlot logY() {
        this.logY = true;
        return this;
    }

    /** How many series were added. */
    public int seriesCount() {
        return series.size();
    }

    /** The y axis label. */
    public String yLabel() {
        return yLabel;
    }

    /** The chart: the plot with its title and legend. */
    public JFreeChart chart() {
        JFreeChart chart = new JFreeChart(title, JFreeChart.DEFAULT_TITLE_FONT, plot(), true);
        chart.setBackgroundPaint(Color.WHITE);
        return chart;
    }

    @Override
    public void draw(Graphics2D g, Rectangle2D area) {
        chart().draw(g, area);
    }

    /** The series as a JFreeChart plot, one dataset and renderer per series. */
    XYPlot plot() {
        NumberAxis x = new NumberAxis(xLabel);
        x.setAutoRangeIncludesZero(false);
        ValueAxis y;
        if (logY) {
            LogAxis log = new LogAxis(yLabel);
            log.setSmallestValue(Double.MIN_NORMAL);
            y = log;
        } else {
            NumberAxis linear = new NumberAxis(yLabel);
            linear.setAutoRangeIncludesZero(false);
            y = linear;
        }
        XYPlot plot = new XYPlot(null, x, y, null);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(new Color(0xdddddd));
        plot.setRangeGridlinePaint(new Color(0xdddddd));
        plot.setOutlinePaint(new Color(0xbbbbbb));
        plot.setDatasetRenderingOrder(DatasetRenderingOrder.FORWARD);
        for (int i = 0; i < series.size(); i++) {
            Series s = series.get(i);
            plot.setDataset(i, dataset(s));
            plot.setRenderer(i, renderer(s));
        }
        return plot;
    }

    private LinePlot add(Kind kind, String name, double[] x, double[] y, double[] low, double[] high) {
        Objects.requireNonNull(name, "name");
        checkLengths(name, x, y, low == null ? y.length : low.length);
        if (high != null) {
            checkLengths(name, x, y, high.length);
        }
        Color color = next != null ? next : PALETTE.get(series.size() % PALETTE.size());
        next = null;
        series.add(new Series(kind, name, color, x.clone(), y.clone(), low == null ? null : low.clone(),
                high == null ? null : high.clone()));
        return this;
    }

    private static void checkLengths(String name, double[] x, double[] y, int other) {
        Objects.requireNonNull(x, "x");
        Objects.requireNonNull(y, "y");
        if (x.length != y.length || y.length != other) {
            throw new IllegalArgumentException("series '" + name + "': x, y and the band or error arrays must have "
                    + "the same length, got " + x.length + ", " + y.length + " and " + other);
        }
    }

    private boolean shown(double v) {
        return Double.isFinite(v) && (!logY || v > 0);
    }

    private XYDataset dataset(Series s) {
        if (s.kind() == Kind.LINE || s.kind() == Kind.SCATTER) {
            XYSeries xy = new XYSeries(s.name(), false, true);
            for (int i = 0; i < s.x().length; i++) {
                if (Double.isFinite(s.x()[i]) && shown(s.y()[i])) {
                    xy.add(s.x()[i], s.y()[i], false);
                }
            }
            return new XYSeriesCollection(xy);
        }
        YIntervalSeries interval = new YIntervalSeries(s.name(), false, true);
        for (int i = 0; i < s.x().length; i++) {
            if (Double.isFinite(s.x()[i]) && shown(s.y()[i]) && shown(s.low()[i]) && shown(s.high()[i])) {
                interval.add(s.x()[i], s.y()[i], s.low()[i], s.high()[i]);
            }
        }
        YIntervalSeriesCollection collection = new YIntervalSeriesCollection();
        collection.addSeries(interval);
        return collection;
    }

    private static XYItemRenderer renderer(Series s) {
        BasicStroke stroke = new BasicStroke(2f);
        Ellipse2D dot = new Ellipse2D.Double(-3.5, -3.5, 7, 7);
        switch (s.kind()) {
            case LINE -> {
                XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, false);
                r.setSeriesPaint(0, s.color());
                r.setSeriesStroke(0, stroke);
                return r;
            }
            case SCATTER -> {
                XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(false, true);
                r.setSeriesPaint(0, s.color());
                r.setSeriesShape(0, dot);
                return r;
            }
            case BAND -> {
                DeviationRenderer r = new DeviationRenderer(true, false);
                r.setSeriesPaint(0, s.color());
                r.setSeriesFillPaint(0, s.color());
                r.setSeriesStroke(0, stroke);
                r.setAlpha(0.25f);
                return r;
            }
            default -> {
                XYErrorRenderer r = new XYErrorRenderer();
                r.setDrawXError(false);
                r.setDrawYError(true);
                r.setDefaultLinesVisible(false);
                r.setDefaultShapesVisible(true);
                r.setSeriesPaint(0, s.color());
                r.setSeriesShape(0, dot);
                r.setErrorPaint(s.color());
                r.setErrorStroke(new BasicStroke(1.5f));
                r.setCapLength(8);
                return r;
            }
        }
    }
}
