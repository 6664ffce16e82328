package io.vigil.bench;

import java.util.List;

/**
 * Motion → event, per scene switch: {@code arrivedSeconds} from the switch to the
 * {@code event.started} record on Kafka, {@code reportedSeconds} from the switch to the time that
 * record names (the first moving picture the detector saw).
 */
record DetectionResult(List<Double> arrivedSeconds, List<Double> reportedSeconds, int missed, String note) {
}
