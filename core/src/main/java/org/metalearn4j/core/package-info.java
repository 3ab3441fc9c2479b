/** metalearn4j core: service interfaces, autodiff engine, wiring and plugin discovery. */
package org.metalearn4j.core;
