/**
 * Static figures as PNG or SVG files, drawn with JFreeChart (SVG through JFreeSVG), for {@code metalearn plot} and
 * for example and benchmark mains that need a picture:
 *
 * <ul>
 *   <li>{@link org.metalearn4j.examples.plot.LinePlot}: curves, curves with a shaded band (a fit with its uncertainty,
 *       a mean with its spread), scatter points and error bars over one x axis, optionally with a log y axis
 *       (learned-optimizer loss curves);</li>
 *   <li>{@link org.metalearn4j.examples.plot.StackedPlots}: line plots stacked over one shared x axis;</li>
 *   <li>{@link org.metalearn4j.examples.plot.ImageGrid}: images in a grid with captions (generated samples, support
 *       sets);</li>
 *   <li>{@link org.metalearn4j.examples.plot.FigureFile}: writes any of them, choosing PNG or SVG by the file's
 *       extension.</li>
 * </ul>
 *
 * <pre>{@code
 * LinePlot fit = new LinePlot("GP posterior, 5 context points", "x", "y")
 *         .band("posterior mean ± 2 sd", xs, mean, lower, upper)
 *         .scatter("context", cx, cy)
 *         .line("target", xs, truth);
 * FigureFile.write(fit, Path.of("fit.svg"), 900, 600);
 *
 * ImageGrid samples = new ImageGrid("generated characters", 8);
 * for (double[][] image : generated) {
 *     samples.add(ImageGrid.gray(image), null);
 * }
 * FigureFile.write(samples, Path.of("samples.png"), 800, 450);
 * }</pre>
 */
package org.metalearn4j.examples.plot;
