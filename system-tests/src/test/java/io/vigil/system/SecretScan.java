package io.vigil.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.stream.Stream;

/**
 * Looks for secrets in every log under a stack's work directory: the services', Kafka's, PostgreSQL's
 * and the test cameras'. A finding names the file, the line and which secret (by its position in the
 * list, so the report does not print it again). Files are read as bytes, so a log with a stray binary
 * byte is still searched.
 */
final class SecretScan {

    /** What was searched and what was found. */
    record Result(List<Path> logs, List<String> findings) {
    }

    private SecretScan() {
    }

    static Result scan(Path workDir, Collection<String> secrets) {
        List<Path> logs;
        // the broker's partition segments are named *.log too, but they are the topics' data: vigil.camera-config
        // carries camera urls with their credentials to ingest by design (docs/topics.md)
        Path topicData = workDir.resolve("kafka").resolve("data");
        try (Stream<Path> files = Files.walk(workDir)) {
            logs = files.filter(Files::isRegularFile).filter(f -> f.getFileName().toString().endsWith(".log"))
                    .filter(f -> !f.startsWith(topicData)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the logs under " + workDir, e);
        }
        List<String> secretList = List.copyOf(secrets);
        List<String> findings = new ArrayList<>();
        for (Path log : logs) {
            String[] lines = read(log).split("\n", -1);
            for (int line = 0; line < lines.length; line++) {
                for (int s = 0; s < secretList.size(); s++) {
                    if (lines[line].contains(latin1(secretList.get(s)))) {
                        findings.add(workDir.relativize(log) + ":" + (line + 1) + ": secret #" + s);
                    }
                }
            }
        }
        return new Result(logs, findings);
    }

    /** The bytes as ISO-8859-1: every byte one char, whatever the encoding. */
    private static String read(Path log) {
        try {
            return new String(Files.readAllBytes(log), StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + log, e);
        }
    }

    /** The secret's UTF-8 bytes in the same one-char-per-byte form. */
    private static String latin1(String secret) {
        return new String(secret.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
    }
}
