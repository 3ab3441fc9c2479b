package org.metalearn4j.cluster;

import java.nio.ByteBuffer;
import java.util.zip.CRC32;
import org.metalearn4j.cluster.wire.TaskOrder;
import org.metalearn4j.core.state.StateDict;
import org.metalearn4j.core.task.Examples;
import org.metalearn4j.core.task.Task;
import org.metalearn4j.core.task.TaskType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * An episode on the wire: its arrays as a task order's payload when they travel, and a checksum of its values with
 * which a worker that regenerated it from its seed checks that its copy of the data set gave the same episode.
 */
final class Episodes {
    private static final String SUPPORT_X = "support.x";
    private static final String SUPPORT_Y = "support.y";
    private static final String QUERY_X = "query.x";
    private static final String QUERY_Y = "query.y";

    private Episodes() {
    }

    /** The episode's arrays. */
    static StateDict payload(Task task) {
        return new StateDict().put(SUPPORT_X, task.support().x()).put(SUPPORT_Y, task.support().y())
                .put(QUERY_X, task.query().x()).put(QUERY_Y, task.query().y());
    }

    /** The episode an order with a payload carries. */
    static Task fromPayload(TaskOrder order, StateDict payload) {
        return new Task(new Examples(payload.get(SUPPORT_X), payload.get(SUPPORT_Y)),
                new Examples(payload.get(QUERY_X), payload.get(QUERY_Y)), TaskType.valueOf(order.type()),
                order.ways(), order.shots(), order.domain());
    }

    /** CRC-32 of the shapes, data types and values of the episode's four arrays and its ways and shots. */
    static long checksum(Task task) {
        CRC32 crc = new CRC32();
        crc.update(ByteBuffer.allocate(8).putInt(task.ways()).putInt(task.shots()).array());
        for (INDArray a : new INDArray[] {task.support().x(), task.support().y(), task.query().x(),
            task.query().y()}) {
            update(crc, a);
        }
        return crc.getValue();
    }

    private static void update(CRC32 crc, INDArray a) {
        long[] shape = a.shape();
        ByteBuffer header = ByteBuffer.allocate(8 * shape.length + 4);
        for (long s : shape) {
            header.putLong(s);
        }
        header.putInt(a.dataType().ordinal());
        crc.update(header.array());
        double[] values = a.dup('c').data().asDouble();
        ByteBuffer bits = ByteBuffer.allocate(8 * values.length);
        for (double v : values) {
            bits.putLong(Double.doubleToRawLongBits(v));
        }
        crc.update(bits.array());
    }
}
