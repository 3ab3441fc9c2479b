package org.metalearn4j.core.tensor;

/**
 * The op that produced a tensor: its name (for error messages), its inputs and its backward formula. An output of an
 * op with several outputs has no backward of its own but its {@link OutputGroup}, which differentiates all of them
 * at once.
 */
record Node(String op, Tensor[] inputs, Backward backward, OutputGroup group) {
    Node(String op, Tensor[] inputs, Backward backward) {
        this(op, inputs, backward, null);
    }
}
