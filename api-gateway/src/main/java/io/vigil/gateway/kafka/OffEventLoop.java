package io.vigil.gateway.kafka;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

import java.util.concurrent.Callable;

/**
 * Runs blocking Kafka client calls on a worker thread and comes back to the caller's Vert.x
 * context, where Hibernate Reactive insists on continuing the transaction.
 */
public final class OffEventLoop {

    private OffEventLoop() {
    }

    public static <T> Uni<T> call(Callable<T> work) {
        return Uni.createFrom().deferred(() -> {
            Context caller = Vertx.currentContext();
            Uni<T> onWorker = Uni.createFrom().<T>emitter(emitter -> {
                try {
                    emitter.complete(work.call());
                } catch (Exception e) {
                    emitter.fail(e);
                }
            }).runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
            return caller == null ? onWorker : onWorker.emitOn(task -> caller.runOnContext(ignored -> task.run()));
        });
    }
}
