package org.metalearn4j.core.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.buffer.Buffer;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.metalearn4j.core.pipeline.ArtifactKind;

class EventRecordCodecTest {
    private static final StagePosition STAGE = new StagePosition(1, "finetune", 3);

    /** One instance of every built-in event type, with the awkward values: NaN, nested records, maps, nulls. */
    private static final List<Record> SAMPLES = List.of(
            new RunStarted("runs/a", 10, 100, "protonet", "omniglot", "cpu: 2 cores"),
            new StepEvent(11, 100, 0.25, Double.NaN, "accuracy", Map.of("gradNorm", 1.5, "lr", 0.001), 3.25, 0.5),
            new EvalEvent(20, "meta-test", "mse", 0.125, 0.01, 600),
            new CheckpointEvent(20, "runs/a/checkpoints/ckpt-00000020.ml4j"),
            new RunFinished("runs/a", 100, 100, 0.1, "accuracy", 0.97, 0.004, 600, 61.5, null, false),
            new StageStarted(STAGE, "runs/p/1-finetune"),
            new StageProgressEvent(STAGE, 7, 50, Map.of("loss", 0.5, "accuracy", Double.NaN)),
            new StageFinished(STAGE, ArtifactKind.MODEL, Map.of("accuracy", 0.9), "runs/p/1-finetune/artifact.bin",
                    12.0),
            new StageLoading(STAGE, "data set fashion-mnist split train"),
            new StageReused(STAGE, "runs/p/1-finetune/artifact.bin"),
            new ResumeStopped(STAGE, "no saved artifact runs/p/1-finetune/artifact.bin"));

    @Test
    void everyBuiltInEventTypeRoundTripsThroughAWireBuffer() {
        List<Class<?>> builtIn = Stream.concat(TrainingEventBus.TYPES.stream(), PipelineEvents.TYPES.stream())
                .<Class<?>>map(EventType::type).toList();
        assertThat(SAMPLES).extracting(Object::getClass).containsExactlyInAnyOrderElementsOf(builtIn);
        for (Record event : SAMPLES) {
            assertThat(roundTrip(event)).as(event.getClass().getSimpleName()).isEqualTo(event);
        }
    }

    @Test
    void aPluginsOwnRecordRoundTripsToo() {
        TypedEventBusTest.LabelEvent event = new TypedEventBusTest.LabelEvent("cat", List.of(0.5, 0.25));
        assertThat(roundTrip(event)).isEqualTo(event);
    }

    @Test
    void locallyARecordIsPassedByReference() {
        RunStarted event = (RunStarted) SAMPLES.get(0);
        assertThat(new EventRecordCodec<>(RunStarted.class).transform(event)).isSameAs(event);
    }

    @Test
    void aMessageFromADifferentVersionOfTheRecordIsRefusedNamingTheType() {
        Buffer wire = Buffer.buffer();
        byte[] json = "{\"iteration\":3,\"file\":\"c\",\"size\":9}".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        wire.appendInt(json.length).appendBytes(json);
        assertThatThrownBy(() -> new EventRecordCodec<>(CheckpointEvent.class).decodeFromWire(0, wire))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(CheckpointEvent.class.getName()).hasMessageContaining("size");
    }

    /** Encodes after other bytes, as Vert.x does with its message header, and decodes from that position. */
    @SuppressWarnings("unchecked")
    private static <T extends Record> T roundTrip(T event) {
        EventRecordCodec<T> codec = new EventRecordCodec<>((Class<T>) event.getClass());
        Buffer wire = Buffer.buffer().appendString("header");
        codec.encodeToWire(wire, event);
        wire.appendString("next message");
        return codec.decodeFromWire("header".length(), wire);
    }
}
