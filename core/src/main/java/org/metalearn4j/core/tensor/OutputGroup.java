package org.metalearn4j.core.tensor;

/**
 * The outputs of one recorded op with several outputs and their joint backward. {@link Autograd} runs the backward
 * once, when it reaches the output that comes first in the graph's order: every op that used any of the outputs comes
 * after all of them, so by then each output's gradient is complete.
 */
final class OutputGroup {
    private final MultiBackward backward;
    private Tensor[] outputs;

    OutputGroup(MultiBackward backward) {
        this.backward = backward;
    }

    MultiBackward backward() {
        return backward;
    }

    Tensor[] outputs() {
        return outputs;
    }

    /** Set once, right after the outputs are made (they need the group, the group needs them). */
    void setOutputs(Tensor[] made) {
        if (outputs != null) {
            throw new IllegalStateException("OutputGroup: outputs already set");
        }
        outputs = made;
    }
}
