package io.vigil.bench;

import java.nio.file.Path;
import java.time.Duration;

/**
 * Options of {@code bench/run.sh load} ({@code ./vigil bench}): how many looped cameras record for how
 * long. A bad value stops the run before anything starts, naming the option.
 */
record LoadSettings(Path repository, Path out, int cameras, Duration duration) {

    static final int DEFAULT_CAMERAS = 32;
    static final double DEFAULT_MINUTES = 10;

    static LoadSettings parse(String[] args) {
        Path repository = null;
        Path out = null;
        int cameras = DEFAULT_CAMERAS;
        double minutes = DEFAULT_MINUTES;
        for (int i = 0; i < args.length; i++) {
            String option = args[i];
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(option + " needs a value");
            }
            String value = args[++i];
            switch (option) {
                case "--repo" -> repository = Path.of(value).toAbsolutePath();
                case "--out" -> out = Path.of(value).toAbsolutePath();
                case "--cameras" -> cameras = number(option, value, 1, 256);
                case "--minutes" -> minutes = decimal(option, value);
                default -> throw new IllegalArgumentException("unknown option " + option
                        + "; bench/run.sh load [--cameras N (1-256, default 32)] [--minutes M (default 10)]");
            }
        }
        if (repository == null || out == null) {
            throw new IllegalArgumentException("--repo and --out are set by bench/run.sh");
        }
        return new LoadSettings(repository, out, cameras, Duration.ofMillis(Math.round(minutes * 60_000)));
    }

    private static int number(String option, String value, int min, int max) {
        try {
            int n = Integer.parseInt(value);
            if (n < min || n > max) {
                throw new IllegalArgumentException(option + " must be between " + min + " and " + max + ", not " + value);
            }
            return n;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " must be a whole number, not " + value);
        }
    }

    private static double decimal(String option, String value) {
        try {
            double minutes = Double.parseDouble(value);
            if (!(minutes >= 0.25 && minutes <= 24 * 60)) {
                throw new IllegalArgumentException(option + " must be between 0.25 and 1440 minutes, not " + value);
            }
            return minutes;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " must be a number of minutes, not " + value);
        }
    }
}
