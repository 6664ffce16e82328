package io.vigil.bench;

/**
 * CPU and memory of one system serving {@code cameras} cameras over the measured window.
 *
 * @param cpuPercent  all its processes together, 100 = one core
 * @param rssKb       resident memory of all its processes at the end of the window
 * @param baseRssKb   what it held before any camera (a JVM's own footprint); 0 for ffmpeg
 * @param throughput  what it got done, per camera (frames/s received, or pieces/s published)
 * @param sourceCpu   the looped RTSP source meanwhile, 100 = one core
 * @param kafkaCpu    the Kafka broker meanwhile (Vigil only), else null
 */
record CpuResult(String key, String system, int cameras, double cpuPercent, long rssKb, long baseRssKb,
                 String throughput, double sourceCpu, Double kafkaCpu, String note) {

    /** NaN for the idle row (no camera). */
    double cpuPerCamera() {
        return cameras == 0 ? Double.NaN : cpuPercent / cameras;
    }

    double rssPerCameraMb() {
        return cameras == 0 ? Double.NaN : (rssKb - baseRssKb) / 1024.0 / cameras;
    }
}
