package org.metalearn4j.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.buffer.Buffer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.metalearn4j.cluster.wire.TaskAnswer;
import org.metalearn4j.cluster.wire.TaskOrder;
import org.metalearn4j.cluster.wire.Wire;
import org.metalearn4j.cluster.wire.WireException;
import org.metalearn4j.core.state.StateDict;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

/** Cluster messages arrive bit for bit, and what does not parse is refused saying what was expected and why. */
class WireTest {

    @Test
    void aResultTravelsBitForBitNonFiniteNumbersIncluded() {
        StateDict tensors = new StateDict().put("grad", Nd4j.createFromArray(1.0 / 3, Double.MIN_VALUE, -0.0))
                .put("grad32", Nd4j.createFromArray(0.1f, Float.NaN));
        TaskAnswer header = new TaskAnswer("run", "w-1", 4, 2, Double.NaN, 0.25, Map.of("inner", 1.5), 0.125, 0.5);
        Wire.Message<TaskAnswer> back = Wire.decode(Wire.encode(header, tensors), TaskAnswer.class);
        assertThat(back.header()).isEqualTo(header);
        assertThat(back.payload().get("grad")).isEqualTo(tensors.get("grad"));
        assertThat(back.payload().get("grad").dataType()).isEqualTo(DataType.DOUBLE);
        assertThat(Float.isNaN(back.payload().get("grad32").getFloat(1))).isTrue();
        assertThat(Wire.decode(Wire.encode(header), TaskAnswer.class).payload()).isNull();
    }

    @Test
    void messagesThatDoNotParseAreRefusedWithTheReason() {
        assertThatThrownBy(() -> Wire.decode("hello", TaskOrder.class)).isInstanceOf(WireException.class)
                .hasMessage("expected a TaskOrder message (metalearn4j cluster wire format), got a String");
        assertThatThrownBy(() -> Wire.decode(Buffer.buffer("GET / HTTP/1.1"), TaskOrder.class))
                .isInstanceOf(WireException.class).hasMessageContaining("not in the metalearn4j cluster wire format");
        Buffer whole = Wire.encode(new TaskOrder("run", 1, 0, 7, 0, "CLASSIFICATION", 5, 1, "d"),
                new StateDict().put("support.x", Nd4j.zeros(2, 3)));
        assertThatThrownBy(() -> Wire.decode(whole.getBuffer(0, whole.length() - 5), TaskOrder.class))
                .isInstanceOf(WireException.class).hasMessageContaining("cannot read a TaskOrder message of");
        Buffer later = whole.copy().setInt(4, 2);
        assertThatThrownBy(() -> Wire.decode(later, TaskOrder.class)).isInstanceOf(WireException.class)
                .hasMessageContaining("wire format 2; this build reads format 1");
        byte[] json = "{\"runId\":\"r\",\"extra\":1}".getBytes(StandardCharsets.UTF_8);
        Buffer unknown = Buffer.buffer().appendInt(0x4D4C4357).appendInt(1).appendInt(json.length).appendBytes(json)
                .appendByte((byte) 0);
        assertThatThrownBy(() -> Wire.decode(unknown, TaskOrder.class)).isInstanceOf(WireException.class)
                .hasMessageContaining("cannot read the header of a TaskOrder message").hasMessageContaining("extra");
    }
}
