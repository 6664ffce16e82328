package io.vigil.recorder.media;

import io.smallrye.common.annotation.Identifier;
import io.smallrye.reactive.messaging.kafka.KafkaConsumerRebalanceListener;
import io.vigil.contracts.Topics;
import io.vigil.recorder.camera.CameraRecorders;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;
import org.jboss.logging.Logger;

import java.util.Collection;
import java.util.List;

/**
 * Tells the camera recorders which media partitions this replica owns. Called on the consumer's
 * polling thread during a rebalance, so the files of a revoked camera are closed before another
 * replica can take the camera.
 */
@ApplicationScoped
@Identifier(MediaPartitions.NAME)
public class MediaPartitions implements KafkaConsumerRebalanceListener {

    /** Referenced by {@code mp.messaging.incoming.media.consumer-rebalance-listener.name}. */
    public static final String NAME = "vigil-recorder.media-partitions";

    private static final Logger LOG = Logger.getLogger(MediaPartitions.class);

    private final CameraRecorders recorders;

    @Inject
    MediaPartitions(CameraRecorders recorders) {
        this.recorders = recorders;
    }

    @Override
    public void onPartitionsAssigned(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        List<Integer> media = media(partitions);
        LOG.infof("media partitions assigned: %s", media);
        recorders.assigned(media);
    }

    @Override
    public void onPartitionsRevoked(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        List<Integer> media = media(partitions);
        LOG.infof("media partitions revoked: %s; closing their cameras' files", media);
        recorders.revoked(media);
    }

    @Override
    public void onPartitionsLost(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        List<Integer> media = media(partitions);
        LOG.warnf("media partitions lost: %s; leaving their files to the replica that takes them", media);
        recorders.lost(media);
    }

    private static List<Integer> media(Collection<TopicPartition> partitions) {
        return partitions.stream().filter(p -> p.topic().equals(Topics.MEDIA)).map(TopicPartition::partition).sorted().toList();
    }
}
