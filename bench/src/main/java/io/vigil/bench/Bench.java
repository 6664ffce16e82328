package io.vigil.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;

/**
 * The benchmark harness behind {@code bench/run.sh}: a looped source for many RTSP cameras, then
 * per camera count the ffmpeg baselines and Vigil's ingest side by side, then trigger latency,
 * pre-roll memory and motion detection delay. Results go to {@code <out>/results.md} after every row, so a run cut short
 * keeps what it measured. See bench/README.md for the method.
 */
public final class Bench {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

    /** Held: java.util.logging keeps loggers weakly, and a collected one forgets its level. */
    private static final java.util.logging.Logger KAFKA_LOG = java.util.logging.Logger.getLogger("org.apache.kafka");

    private Bench() {
    }

    public static void main(String[] args) {
        // configuration dumps, and "node not available" while the broker starts, are not results
        KAFKA_LOG.setLevel(java.util.logging.Level.SEVERE);
        Settings settings;
        try {
            settings = Settings.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        try {
            run(settings);
            System.exit(0);
        } catch (Exception e) {
            e.printStackTrace();
            System.exit(1);
        }
    }

    static void run(Settings settings) throws Exception {
        Path out = settings.out();
        Path work = out.resolve("work");
        Files.createDirectories(work.resolve("logs"));
        Path results = out.resolve("results.md");
        Report report = new Report(settings);

        log("preparing the source clip and the bundled ffmpeg");
        Path ffmpeg = FfmpegTools.ffmpeg();
        Path ffprobe = FfmpegTools.ffprobe();
        SourceClip clip = SourceClip.make(settings.repository().resolve("bench/target/source"), ffprobe);
        LoopedCameras cameras = LoopedCameras.start(settings.repository().resolve("bench/camera/looped_cameras.py"), clip,
                settings.mounts(), work.resolve("logs/cameras.log"));
        try (Rig rig = new Rig(settings, work, ffmpeg, ffprobe, clip, cameras)) {
            if (settings.runs(Settings.Part.SOURCE)) {
                log("checking what a client receives from a bench camera for " + settings.sourceCheck().toSeconds() + " s");
                SourceCheck check = SourceCheck.run(ffprobe, cameras.url(1), settings.sourceCheck());
                report.source(clip, check);
                report.write(results);
                if (!check.ok()) {
                    throw new IllegalStateException("the bench cameras do not serve what they should: " + check.problems());
                }
            }
            boolean ingest = settings.runs(Settings.Part.INGEST) && packaged(settings.ingestJar(), report);
            // repetitions go round all systems, so that a slow drift of the machine hits them alike
            for (int round = 1; round <= settings.repeat(); round++) {
                String of = settings.repeat() > 1 ? " (round " + round + " of " + settings.repeat() + ")" : "";
                if (ingest) {
                    log("(c) Vigil ingest without any camera" + of);
                    measure(report, () -> report.cpu(IngestRun.idle(rig)), "the idle ingest JVM");
                    report.write(results);
                }
                for (int count : settings.cameraCounts()) {
                    if (settings.runs(Settings.Part.BASELINES)) {
                        for (Baseline baseline : Baseline.values()) {
                            log(baseline.label() + ", " + count + " cameras" + of);
                            measure(report, () -> report.cpu(BaselineRun.run(rig, baseline, count)), baseline.label());
                            report.write(results);
                        }
                    }
                    if (ingest) {
                        for (IngestVariant variant : IngestVariant.values()) {
                            log(variant.label() + ", " + count + " cameras" + of);
                            measure(report, () -> report.cpu(IngestRun.run(rig, variant, count)), variant.label() + " with " + count + " cameras");
                            report.write(results);
                        }
                    }
                }
            }
            if (settings.runs(Settings.Part.LATENCY) && packaged(settings.ingestJar(), report) && packaged(settings.recorderJar(), report)) {
                log("trigger → first pre-roll byte, " + settings.triggers() + " triggers on " + TriggerLatency.CAMERAS + " cameras");
                measure(report, () -> report.latency(TriggerLatency.run(rig)), "trigger latency");
                report.write(results);
            }
            if (settings.runs(Settings.Part.PREROLL) && packaged(settings.ingestJar(), report)) {
                log("pre-roll memory, " + settings.preRollCameras() + " cameras, pre-roll 0 and " + PreRollMemory.PRE_ROLL_SECONDS + " s");
                measure(report, () -> report.preRoll(PreRollMemory.run(rig)), "pre-roll memory");
                report.write(results);
            }
            if (settings.runs(Settings.Part.DETECTION) && packaged(settings.ingestJar(), report)) {
                log("motion → event, " + settings.motions() + " scene switches on a live test camera");
                measure(report, () -> report.detection(DetectionDelay.run(rig, settings.motions())), "detection delay");
                report.write(results);
            }
        } finally {
            report.write(results);
            log("results: " + results);
        }
        System.out.println(report.markdown());
    }

    private interface Measurement {
        void run() throws Exception;
    }

    /** One failed measurement is a note in the report, not the end of the run. */
    private static void measure(Report report, Measurement measurement, String what) {
        try {
            measurement.run();
        } catch (Exception e) {
            log("FAILED: " + what + ": " + e.getMessage());
            report.note(what + " failed: " + e.getMessage());
        }
    }

    private static boolean packaged(Path jar, Report report) {
        if (Files.isRegularFile(jar)) {
            return true;
        }
        String note = jar + " is missing: package it first (bench/run.sh does, unless --no-build)";
        log(note);
        report.note(note);
        return false;
    }

    static void log(String message) {
        System.err.println("[bench " + LocalTime.now().format(TIME) + "] " + message);
    }
}
