package io.vigil.devstack;

import io.vigil.contracts.Topics;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The broker's configuration files and classpath. */
final class KafkaBrokerFiles {

    static final String SERVER_PROPERTIES = "server.properties";
    static final String LOG4J_CONFIG = "log4j2.properties";

    /** Media records are up to {@link Topics#MAX_MEDIA_RECORD_BYTES}; the broker must take them with their headers. */
    private static final int MAX_MESSAGE_BYTES = Topics.MAX_MEDIA_RECORD_BYTES + 1024 * 1024;

    private KafkaBrokerFiles() {
    }

    static void write(Path dir, int port, int controllerPort) {
        String server = """
                process.roles=broker,controller
                node.id=1
                controller.quorum.voters=1@127.0.0.1:%2$d
                listeners=PLAINTEXT://127.0.0.1:%1$d,CONTROLLER://127.0.0.1:%2$d
                advertised.listeners=PLAINTEXT://127.0.0.1:%1$d
                controller.listener.names=CONTROLLER
                inter.broker.listener.name=PLAINTEXT
                listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT
                log.dirs=%3$s
                auto.create.topics.enable=false
                num.partitions=1
                # one node: internal topics with one replica, or no consumer group ever forms
                offsets.topic.replication.factor=1
                offsets.topic.num.partitions=10
                transaction.state.log.replication.factor=1
                transaction.state.log.min.isr=1
                share.coordinator.state.topic.replication.factor=1
                share.coordinator.state.topic.min.isr=1
                group.initial.rebalance.delay.ms=0
                # after a kill -9 the controller refuses the restarted broker until the old registration's session expires
                broker.heartbeat.interval.ms=500
                broker.session.timeout.ms=3000
                # the default 128 MiB dedupe buffer is most of the heap; compacted topics here are tiny
                log.cleaner.dedupe.buffer.size=2097152
                message.max.bytes=%4$d
                replica.fetch.max.bytes=%4$d
                """.formatted(port, controllerPort, dir.resolve("data"), MAX_MESSAGE_BYTES);
        String log4j = """
                appender.file.type=File
                appender.file.name=file
                appender.file.fileName=%s
                appender.file.layout.type=PatternLayout
                appender.file.layout.pattern=[%%d] %%p %%m (%%c)%%n
                rootLogger.level=INFO
                rootLogger.appenderRef.file.ref=file
                logger.state-change.name=state.change.logger
                logger.state-change.level=WARN
                logger.request.name=kafka.request.logger
                logger.request.level=WARN
                """.formatted(dir.resolve("server.log"));
        try {
            Files.createDirectories(dir);
            Files.writeString(dir.resolve(SERVER_PROPERTIES), server);
            Files.writeString(dir.resolve(LOG4J_CONFIG), log4j);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the Kafka configuration in " + dir, e);
        }
    }

    /** The broker's jars, as resolved when devstack was built (see devstack/pom.xml). */
    static String classpath() {
        List<String> jars = new ArrayList<>();
        jars.addAll(read("kafka-broker.classpath"));
        jars.addAll(read("kafka-shared.classpath"));
        for (String jar : jars) {
            if (!Files.exists(Path.of(jar))) {
                throw new IllegalStateException("the Kafka broker jar " + jar + " is missing; rebuild devstack (./mvnw -pl devstack install)");
            }
        }
        return String.join(File.pathSeparator, jars);
    }

    private static List<String> read(String resource) {
        try (InputStream in = KafkaBrokerFiles.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is not on the classpath; build devstack with Maven (./mvnw -pl devstack install)");
            }
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
            return text.isEmpty() ? List.of() : List.of(text.split(File.pathSeparator));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }
}
