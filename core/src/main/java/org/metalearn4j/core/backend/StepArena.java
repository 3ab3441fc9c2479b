package org.metalearn4j.core.backend;

import java.util.function.Supplier;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.memory.conf.WorkspaceConfiguration;
import org.nd4j.linalg.api.memory.enums.AllocationPolicy;
import org.nd4j.linalg.api.memory.enums.LearningPolicy;
import org.nd4j.linalg.api.memory.enums.ResetPolicy;
import org.nd4j.linalg.api.memory.enums.SpillPolicy;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Native memory for the arrays of one training step, handed back whole when the step ends and reused by the next: an
 * ND4J workspace on the calling thread. Without it every activation, gradient and temporary of a step is a fresh
 * buffer that ND4J zero-fills and frees only after a garbage collection, so it lands on fresh pages; on the build
 * machine that page-faulting took about 40% of a ProtoNet training episode (BENCHMARKS.md, "Conv4 layout and step
 * arenas").
 *
 * <pre>{@code
 * try (StepArena arena = StepArena.open()) {
 *     ... forward, backward, in-place optimizer update ...
 *     return new StepMetrics(loss.item(), ...);          // plain numbers leave, arrays never do
 * }
 * }</pre>
 *
 * <p>The contract: no array created inside may be used after {@link #close()}; the next step overwrites its memory.
 * State that outlives a step (optimizer moments, running statistics) is updated in place, and state created lazily
 * during a step is made with {@link #outside(Supplier)}. The first step of a thread measures how much memory a step
 * takes; a later, larger step spills the excess to ordinary buffers and grows the arena for the steps after it.
 */
public final class StepArena implements AutoCloseable {
    private static final String ID = "metalearn4j-step";
    private static final WorkspaceConfiguration CONFIG = WorkspaceConfiguration.builder()
            .initialSize(0)
            .policyLearning(LearningPolicy.FIRST_LOOP)
            .policyAllocation(AllocationPolicy.OVERALLOCATE)
            // sized to the first step exactly: steps repeat their shapes, and a 20% margin was 74 MB of the README
            // job's resident peak (issue 26); a larger step spills and grows the arena once
            .overallocationLimit(0.0)
            .policyReset(ResetPolicy.BLOCK_LEFT)
            .policySpill(SpillPolicy.REALLOCATE)
            .build();

    private final MemoryWorkspace workspace;

    private StepArena(MemoryWorkspace workspace) {
        this.workspace = workspace;
    }

    /**
     * Opens this thread's arena for one step. Inside an open arena (a step within a step) it returns a no-op arena and
     * the outer step's memory is used.
     */
    public static StepArena open() {
        if (Nd4j.getWorkspaceManager().checkIfWorkspaceExistsAndActive(ID)) {
            return new StepArena(null);
        }
        return new StepArena(Nd4j.getWorkspaceManager().getAndActivateWorkspace(CONFIG, ID));
    }

    /** Runs {@code make} with ordinary, garbage-collected buffers: for arrays that must outlive the current step. */
    public static <T> T outside(Supplier<T> make) {
        try (MemoryWorkspace ignored = Nd4j.getWorkspaceManager().scopeOutOfWorkspaces()) {
            return make.get();
        }
    }

    /** Ends the step: every array created inside is dead from here on. */
    @Override
    public void close() {
        if (workspace != null) {
            workspace.close();
        }
    }
}
