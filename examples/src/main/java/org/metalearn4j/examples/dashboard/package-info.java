/**
 * The training dashboard: a Vert.x web server that lists the runs under a directory and shows each one's curves,
 * evaluations, configuration, provenance and pipeline stages, live. Browsers get JSON snapshots ({@code /api/runs},
 * {@code /api/run?id=}) and then every new event as server-sent events ({@code /api/events}); the page draws with
 * uPlot, served from its WebJar. Runs are read from their directories ({@link org.metalearn4j.examples.runs}), so the
 * dashboard shows runs made before it started and by other processes; a run trained by the dashboard's own process
 * ({@code metalearn train --dashboard}) is fed straight from the event bus instead.
 *
 * <p>It only reads: every route answers GET alone, a run is named by its path relative to the runs directory and must
 * be one the server found there (no {@code ..}, no absolute path, no symbolic link leading out), and it listens on
 * 127.0.0.1 unless told otherwise.
 */
package org.metalearn4j.examples.dashboard;
