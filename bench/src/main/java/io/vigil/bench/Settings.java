package io.vigil.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What one run of the harness measures, and for how long. {@code --quick} keeps every part but
 * shortens the windows, so that the whole run proves the harness in a few minutes.
 */
record Settings(
        boolean quick,
        List<Integer> cameraCounts,
        Set<Part> parts,
        Path repository,
        Path services,
        Path out,
        Duration warmup,
        Duration window,
        Duration sourceCheck,
        int triggers,
        int preRollCameras,
        int motions,
        int repeat) {

    /** The parts of a run, in the order they run. */
    enum Part { SOURCE, BASELINES, INGEST, LATENCY, PREROLL, DETECTION }

    static final String USAGE = """
            usage: bench [--quick] [--cameras 1,8,32] [--only source,baselines,ingest,latency,preroll,detection]
                         [--warmup S] [--window S] [--triggers N] [--preroll-cameras N] [--motions N] [--repeat R]
                         --repo DIR [--services DIR] --out DIR
              --repo      the checkout holding bench/ (the clip is cached in its bench/target/source)
              --services  the checkout whose packaged ingest-service and recorder-service are measured (default: --repo)""";

    static Settings parse(String[] args) {
        boolean quick = List.of(args).contains("--quick");
        List<Integer> cameras = quick ? List.of(1, 8) : List.of(1, 8, 32);
        Set<Part> parts = EnumSet.allOf(Part.class);
        Path repository = null;
        Path services = null;
        Path out = null;
        Duration warmup = Duration.ofSeconds(15);
        Duration window = Duration.ofSeconds(quick ? 20 : 60);
        int triggers = quick ? 12 : 50;
        int preRollCameras = quick ? 4 : 8;
        int motions = quick ? 3 : 10;
        int repeat = 1;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            switch (arg) {
                case "--quick" -> { }
                case "--cameras" -> cameras = integers(value(args, ++i, arg));
                case "--only" -> parts = parts(value(args, ++i, arg));
                case "--repo" -> repository = Path.of(value(args, ++i, arg)).toAbsolutePath();
                case "--services" -> services = Path.of(value(args, ++i, arg)).toAbsolutePath();
                case "--out" -> out = Path.of(value(args, ++i, arg)).toAbsolutePath();
                case "--warmup" -> warmup = Duration.ofSeconds(Integer.parseInt(value(args, ++i, arg)));
                case "--window" -> window = Duration.ofSeconds(Integer.parseInt(value(args, ++i, arg)));
                case "--triggers" -> triggers = Integer.parseInt(value(args, ++i, arg));
                case "--preroll-cameras" -> preRollCameras = Integer.parseInt(value(args, ++i, arg));
                case "--motions" -> motions = Integer.parseInt(value(args, ++i, arg));
                case "--repeat" -> repeat = Math.max(1, Integer.parseInt(value(args, ++i, arg)));
                default -> throw new IllegalArgumentException("unknown argument " + arg + "\n" + USAGE);
            }
        }
        if (repository == null || out == null) {
            throw new IllegalArgumentException("--repo and --out are required\n" + USAGE);
        }
        // the source check crosses at least one loop of the 20 s clip, also when quick
        Duration sourceCheck = Duration.ofSeconds(quick ? 25 : 60);
        return new Settings(quick, cameras, parts, repository, services == null ? repository : services, out, warmup, window, sourceCheck, triggers, preRollCameras, motions, repeat);
    }

    boolean runs(Part part) {
        return parts.contains(part);
    }

    /** The most cameras any part needs: the source serves that many mounts. */
    int mounts() {
        int most = Math.max(4, preRollCameras);
        for (int count : cameraCounts) {
            most = Math.max(most, count);
        }
        return most;
    }

    Path ingestJar() {
        return services.resolve("ingest-service/target/quarkus-app/quarkus-run.jar");
    }

    Path recorderJar() {
        return services.resolve("recorder-service/target/quarkus-app/quarkus-run.jar");
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            throw new IllegalArgumentException(option + " needs a value\n" + USAGE);
        }
        return args[i];
    }

    private static List<Integer> integers(String list) {
        List<Integer> values = new ArrayList<>();
        for (String item : list.split(",")) {
            int value = Integer.parseInt(item.trim());
            if (value < 1) {
                throw new IllegalArgumentException("camera counts must be positive: " + list);
            }
            values.add(value);
        }
        return values;
    }

    private static Set<Part> parts(String list) {
        Set<Part> parts = EnumSet.noneOf(Part.class);
        for (String item : list.split(",")) {
            parts.add(Part.valueOf(item.trim().toUpperCase(Locale.ROOT)));
        }
        return parts;
    }
}
