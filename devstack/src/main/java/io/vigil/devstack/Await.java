package io.vigil.devstack;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Polls a condition until it holds, failing fast - with the process's log - when the process it waits for has died. */
final class Await {

    private Await() {
    }

    static void until(String what, Duration timeout, ChildProcess process, BooleanSupplier condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (process != null && !process.isAlive()) {
                throw new IllegalStateException(process + " exited before " + what + "; its log " + process.log() + " ends:\n" + process.logTail());
            }
            if (System.nanoTime() > deadline) {
                String log = process == null ? "" : "; see " + process.log() + ":\n" + process.logTail();
                throw new IllegalStateException("timed out after " + timeout.toSeconds() + " s waiting for " + what + log);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for " + what, e);
            }
        }
    }
}
