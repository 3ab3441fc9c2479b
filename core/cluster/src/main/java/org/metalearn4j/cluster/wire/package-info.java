/**
 * What the coordinator and the workers of a cluster say to each other on the Vert.x event bus: the addresses
 * ({@link org.metalearn4j.cluster.wire.Addresses}), one immutable record per message, and the
 * {@link org.metalearn4j.cluster.wire.Wire} format that carries a record as JSON and its arrays as a
 * {@link org.metalearn4j.core.state.StateDict}, bit for bit.
 */
package org.metalearn4j.cluster.wire;
