package io.vigil.devstack;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** Line-by-line talk with an interactive {@link ChildProcess}: we send a line, it answers a line. */
final class Conversation {

    /** Stands for the end of the process's output in the queue of lines. */
    private static final String END = new String("end of output");

    private final ChildProcess process;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();

    Conversation(ChildProcess process) {
        this.process = process;
        Thread reader = new Thread(this::read, "vigil-conversation-" + process);
        reader.setDaemon(true);
        reader.start();
    }

    synchronized void send(String line) {
        try {
            OutputStream stdin = process.stdin();
            stdin.write((line + "\n").getBytes(StandardCharsets.UTF_8));
            stdin.flush();
        } catch (IOException e) {
            throw new IllegalStateException(process + " does not listen any more; its log ends:\n" + process.logTail(), e);
        }
    }

    /** The next line the process writes; fails if it ends or says nothing in time. */
    String answer(Duration timeout) {
        try {
            String line = lines.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (line == null) {
                throw new IllegalStateException(process + " did not answer within " + timeout.toSeconds() + " s; its log ends:\n" + process.logTail());
            }
            if (line == END) {
                lines.add(END);
                throw new IllegalStateException(process + " ended; its log ends:\n" + process.logTail());
            }
            return line;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for " + process, e);
        }
    }

    private void read() {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(process.stdout(), StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                lines.add(line);
            }
        } catch (IOException e) {
            // the process is gone: END below says so
        }
        lines.add(END);
    }
}
