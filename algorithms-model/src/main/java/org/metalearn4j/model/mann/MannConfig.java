package org.metalearn4j.model.mann;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import org.metalearn4j.core.config.Checks;
import org.metalearn4j.core.optim.ScheduledAdamConfig;

/** Settings of {@code mann}; {@code metalearn config --defaults mann} prints them. */
public record MannConfig(
        @JsonPropertyDescription("lru: external memory with least-recently-used access (MANN); none: the plain LSTM"
                + " baseline of the same controller size, trained the same way") MemoryKind memory,
        @JsonPropertyDescription("hidden units of the LSTM controller") int controllerSize,
        @JsonPropertyDescription("memory slots") int memorySlots,
        @JsonPropertyDescription("width of one memory slot") int memoryWidth,
        @JsonPropertyDescription("read heads (each also writes: to its own least used slot or the slots it read last)")
        int readHeads,
        @JsonPropertyDescription("decay of the usage weights per step, in (0, 1)") double usageDecay,
        @JsonPropertyDescription("sharpen the read weights by a learned key strength 1 + softplus(beta) per head"
                + " (Graves et al.'s addressing); false: plain cosine softmax as Santoro et al.")
        boolean keyStrength,
        @JsonPropertyDescription("Adam, learning-rate schedule and clipping") ScheduledAdamConfig optimizer) {
    public MannConfig {
        Checks.oneOf("memory", memory, MemoryKind.class);
        Checks.atLeast("controllerSize", controllerSize, 1);
        Checks.atLeast("memorySlots", memorySlots, 1);
        Checks.atLeast("memoryWidth", memoryWidth, 1);
        Checks.atLeast("readHeads", readHeads, 1);
        if (readHeads > memorySlots) {
            throw new IllegalArgumentException("readHeads: at most memorySlots = " + memorySlots + ", got "
                    + readHeads);
        }
        if (!(usageDecay > 0 && usageDecay < 1)) {
            throw new IllegalArgumentException("usageDecay: expected a number in (0, 1), got " + usageDecay);
        }
        Checks.present("optimizer", optimizer);
    }
}
