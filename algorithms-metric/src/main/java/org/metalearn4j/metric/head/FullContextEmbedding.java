package org.metalearn4j.metric.head;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import org.metalearn4j.core.nn.LstmCell;
import org.metalearn4j.core.nn.Module;
import org.metalearn4j.core.nn.Params;
import org.metalearn4j.core.nn.Sequential;
import org.metalearn4j.core.tensor.Tensor;

/**
 * Matching Networks' full-context embeddings (Vinyals et al. 2016, appendix A). Support encoder g: a bidirectional
 * LSTM reads the support embeddings as a sequence, and each becomes {@code x_i + forward_i + backward_i}. Query
 * encoder f: an attention LSTM re-reads the query {@code x} for {@code steps} steps,
 * {@code h_k = LSTM(x, h_{k-1} + r_{k-1}) + x}, {@code r_k = softmax(h_k g^T) g}; the read-out enters the recurrent
 * state by addition rather than concatenation, which keeps every cell square. Queries run as one batch.
 *
 * @param embedding width of the embeddings and of every LSTM
 * @param steps     attention steps of the query encoder
 */
record FullContextEmbedding(int embedding, int steps) {

    /** Parameters {@code forward.*}, {@code backward.*} (support LSTMs) and {@code attention.*} (query LSTM). */
    Module module() {
        LinkedHashMap<String, Module> m = new LinkedHashMap<>();
        m.put("forward", cell());
        m.put("backward", cell());
        m.put("attention", cell());
        return Sequential.named(m);
    }

    /** {@code [n, embedding]} support embeddings that depend on the whole support set. */
    Tensor support(Params params, Tensor support) {
        int n = (int) support.shape()[0];
        Tensor[] forward = read(params.scope("forward"), support, n, false);
        Tensor[] backward = read(params.scope("backward"), support, n, true);
        List<Tensor> context = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            context.add(forward[i].add(backward[i]));
        }
        return support.add(Tensor.concat(0, context));
    }

    /** {@code [queries, embedding]} query embeddings conditioned on the encoded support set {@code g}. */
    Tensor query(Params params, Tensor query, Tensor g) {
        Params attention = params.scope("attention");
        LstmCell cell = cell();
        LstmCell.State state = cell.zeroState(query.shape()[0], query.dataType());
        Tensor h = query;
        Tensor readout = state.hidden();
        for (int k = 0; k < steps; k++) {
            state = cell.step(attention, query, new LstmCell.State(state.hidden().add(readout), state.cell()));
            h = state.hidden().add(query);
            readout = h.matmul(g, false, true).softmax(1).matmul(g);
            state = new LstmCell.State(h, state.cell());
        }
        return h;
    }

    /** Hidden states {@code [1, embedding]} in support order, the sequence read front to back or back to front. */
    private Tensor[] read(Params params, Tensor support, int n, boolean reverse) {
        LstmCell cell = cell();
        LstmCell.State state = cell.zeroState(1, support.dataType());
        Tensor[] hidden = new Tensor[n];
        for (int k = 0; k < n; k++) {
            int i = reverse ? n - 1 - k : k;
            state = cell.step(params, support.slice(0, i, i + 1), state);
            hidden[i] = state.hidden();
        }
        return hidden;
    }

    private LstmCell cell() {
        return new LstmCell(embedding, embedding);
    }
}
