package org.metalearn4j.core.tensor;

/** The op that produced a tensor: its name (for error messages), its inputs and its backward formula. */
record Node(String op, Tensor[] inputs, Backward backward) {
}
