/** Reporting file failures: which file, and why, in one line. */
package org.metalearn4j.core.io;
