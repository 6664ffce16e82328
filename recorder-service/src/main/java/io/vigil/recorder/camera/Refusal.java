package io.vigil.recorder.camera;

import java.time.Instant;

/** A run of a camera's pieces refused at block: where it began, how far it reached, how many. */
final class Refusal {

    private final Instant from;
    private Instant to;
    private long pieces;

    Refusal(Instant from) {
        this.from = from;
    }

    void add(Instant pieceEnd) {
        to = to == null || pieceEnd.isAfter(to) ? pieceEnd : to;
        pieces++;
    }

    Instant from() {
        return from;
    }

    Instant to() {
        return to;
    }

    long pieces() {
        return pieces;
    }
}
