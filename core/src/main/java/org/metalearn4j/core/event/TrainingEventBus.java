package org.metalearn4j.core.event;

import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Training events on the event bus: the trainer publishes, {@link TrainingListener}s subscribe. The addresses are the
 * contract a clustered deployment keeps; the events themselves travel on a {@link TypedEventBus}, which other event
 * types (pipeline progress, a plugin's own) share.
 */
public final class TrainingEventBus implements EventPublisher {
    public static final String STARTED = "metalearn.train.started";
    public static final String STEP = "metalearn.train.step";
    public static final String EVAL = "metalearn.train.eval";
    public static final String CHECKPOINT = "metalearn.train.checkpoint";
    public static final String FINISHED = "metalearn.train.finished";

    /** The training event types with their addresses. */
    public static final List<EventType<?>> TYPES = List.of(
            EventType.of(STARTED, RunStarted.class),
            EventType.of(STEP, StepEvent.class),
            EventType.of(EVAL, EvalEvent.class),
            EventType.of(CHECKPOINT, CheckpointEvent.class),
            EventType.of(FINISHED, RunFinished.class));

    private final TypedEventBus bus;

    /** Training events on a bus of their own over {@code vertx}, e.g. for a test or a benchmark. */
    public TrainingEventBus(Vertx vertx) {
        this(new TypedEventBus(vertx));
    }

    /** Training events on the application's shared bus; registers the training event types there. */
    public TrainingEventBus(TypedEventBus bus) {
        this.bus = bus;
        TYPES.forEach(bus::register);
    }

    /**
     * Publishes one of the training event records to its address.
     *
     * @throws IllegalArgumentException for any other record
     */
    @Override
    public void publish(Record event) {
        if (TYPES.stream().noneMatch(t -> t.type() == event.getClass())) {
            throw new IllegalArgumentException("not a training event: " + event.getClass().getName());
        }
        bus.publish(event);
    }

    /**
     * Delivers every training event to {@code listener}, on one context of its own so that it sees events in
     * publication order; on a worker thread if the listener is {@linkplain TrainingListener#blocking blocking}. A
     * listener that throws is logged and keeps receiving.
     */
    public Subscription subscribe(TrainingListener listener) {
        Subscription subscription = new Subscription(listener);
        subscription.events = bus.subscriber(listener.getClass().getName())
                .blocking(listener.blocking())
                .on(RunStarted.class, listener::onStarted)
                .on(StepEvent.class, listener::onStep)
                .on(EvalEvent.class, listener::onEval)
                .on(CheckpointEvent.class, listener::onCheckpoint)
                .on(RunFinished.class, e -> {
                    try {
                        listener.onFinished(e);
                    } finally {
                        subscription.finished.complete(e);
                    }
                })
                .subscribe();
        return subscription;
    }

    /** A listener's registration: wait for it to have handled the end of a run, or stop receiving. */
    public static final class Subscription implements AutoCloseable {
        private final TrainingListener listener;
        private final CompletableFuture<RunFinished> finished = new CompletableFuture<>();
        private EventSubscription events;

        private Subscription(TrainingListener listener) {
            this.listener = listener;
        }

        /**
         * Blocks until the listener has handled {@link RunFinished}, which it receives after every earlier event.
         *
         * @return false if that did not happen within {@code timeout}
         */
        public boolean awaitFinished(Duration timeout) {
            return Completion.within(finished, timeout);
        }

        @Override
        public void close() {
            events.close();
        }
    }
}
