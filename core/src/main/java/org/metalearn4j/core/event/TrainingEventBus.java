package org.metalearn4j.core.event;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.eventbus.MessageConsumer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Training events on the Vert.x event bus: the trainer publishes, listeners subscribe. Local for now; the addresses
 * are the contract a clustered deployment will keep.
 */
public final class TrainingEventBus {
    public static final String STARTED = "metalearn.train.started";
    public static final String STEP = "metalearn.train.step";
    public static final String EVAL = "metalearn.train.eval";
    public static final String CHECKPOINT = "metalearn.train.checkpoint";
    public static final String FINISHED = "metalearn.train.finished";

    private static final Logger LOG = LoggerFactory.getLogger(TrainingEventBus.class);
    private static final Map<Class<? extends Record>, String> ADDRESSES = Map.of(
            RunStarted.class, STARTED,
            StepEvent.class, STEP,
            EvalEvent.class, EVAL,
            CheckpointEvent.class, CHECKPOINT,
            RunFinished.class, FINISHED);

    private final Vertx vertx;
    private final EventBus bus;

    public TrainingEventBus(Vertx vertx) {
        this.vertx = vertx;
        this.bus = vertx.eventBus();
        ADDRESSES.keySet().forEach(this::registerCodec);
    }

    private <T extends Record> void registerCodec(Class<T> type) {
        try {
            bus.registerDefaultCodec(type, new LocalCodec<>(type));
        } catch (IllegalStateException alreadyRegistered) {
            // Another TrainingEventBus on the same Vertx registered it; the codec is stateless, so that one serves.
        }
    }

    /** Publishes one of the event records to its address. */
    public void publish(Record event) {
        String address = ADDRESSES.get(event.getClass());
        if (address == null) {
            throw new IllegalArgumentException("not a training event: " + event.getClass().getName());
        }
        bus.publish(address, event);
    }

    /**
     * Delivers every training event to {@code listener}, on one context of its own so that it sees events in
     * publication order. A listener that throws is logged and keeps receiving.
     */
    public Subscription subscribe(TrainingListener listener) {
        Context context = vertx.getOrCreateContext();
        CompletableFuture<List<MessageConsumer<?>>> registered = new CompletableFuture<>();
        Subscription subscription = new Subscription(listener);
        context.runOnContext(v -> {
            List<MessageConsumer<?>> consumers = new ArrayList<>();
            consumers.add(consumer(STARTED, RunStarted.class, listener::onStarted, listener));
            consumers.add(consumer(STEP, StepEvent.class, listener::onStep, listener));
            consumers.add(consumer(EVAL, EvalEvent.class, listener::onEval, listener));
            consumers.add(consumer(CHECKPOINT, CheckpointEvent.class, listener::onCheckpoint, listener));
            consumers.add(consumer(FINISHED, RunFinished.class, e -> {
                try {
                    listener.onFinished(e);
                } finally {
                    subscription.finished.complete(e);
                }
            }, listener));
            Future.all(consumers.stream().map(MessageConsumer::completion).toList())
                    .onComplete(r -> registered.complete(consumers));
        });
        subscription.consumers = join(registered);
        return subscription;
    }

    private <T> MessageConsumer<T> consumer(String address, Class<T> type, Consumer<T> handler,
                                            TrainingListener listener) {
        return bus.localConsumer(address, msg -> {
            try {
                handler.accept(type.cast(msg.body()));
            } catch (RuntimeException e) {
                LOG.warn("training listener {} failed on {}: {}", listener.getClass().getName(), address,
                        e.toString(), e);
            }
        });
    }

    private static <T> T join(CompletableFuture<T> f) {
        try {
            return f.get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while subscribing to training events", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot subscribe to training events: " + e, e);
        }
    }

    /** A listener's registration: wait for it to have handled the end of a run, or stop receiving. */
    public static final class Subscription implements AutoCloseable {
        private final TrainingListener listener;
        private final CompletableFuture<RunFinished> finished = new CompletableFuture<>();
        private volatile List<MessageConsumer<?>> consumers = List.of();

        private Subscription(TrainingListener listener) {
            this.listener = listener;
        }

        /**
         * Blocks until the listener has handled {@link RunFinished}, which it receives after every earlier event.
         *
         * @return false if that did not happen within {@code timeout}
         */
        public boolean awaitFinished(Duration timeout) {
            try {
                finished.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
                return true;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            } catch (ExecutionException | TimeoutException e) {
                return false;
            }
        }

        @Override
        public void close() {
            consumers.forEach(MessageConsumer::unregister);
        }
    }
}
