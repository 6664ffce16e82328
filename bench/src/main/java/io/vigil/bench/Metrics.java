package io.vigil.bench;

import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One scrape of a service's /q/metrics (Prometheus text): series by name, their labels, values. */
final class Metrics {

    private static final Pattern LINE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{(.*)})?\\s+(\\S+)");
    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");

    private record Series(String name, Map<String, String> labels, double value) {
    }

    private final java.util.List<Series> series;

    private Metrics(java.util.List<Series> series) {
        this.series = series;
    }

    static Metrics parse(String text) {
        java.util.List<Series> series = new java.util.ArrayList<>();
        for (String line : text.split("\n")) {
            if (line.startsWith("#") || line.isBlank()) {
                continue;
            }
            Matcher matcher = LINE.matcher(line);
            if (!matcher.find()) {
                continue;
            }
            Map<String, String> labels = new HashMap<>();
            if (matcher.group(3) != null) {
                Matcher label = LABEL.matcher(matcher.group(3));
                while (label.find()) {
                    labels.put(label.group(1), label.group(2));
                }
            }
            try {
                series.add(new Series(matcher.group(1), labels, Double.parseDouble(matcher.group(4))));
            } catch (NumberFormatException e) {
                // NaN/+Inf spellings we do not need
            }
        }
        return new Metrics(series);
    }

    boolean has(String name) {
        return series.stream().anyMatch(one -> one.name().equals(name));
    }

    /** The sum of every series called {@code name} whose labels include {@code label=value} (null: any). */
    double sum(String name, String label, String value) {
        double sum = 0;
        for (Series one : series) {
            if (one.name().equals(name) && (label == null || value.equals(one.labels().get(label)))) {
                sum += one.value();
            }
        }
        return sum;
    }

    double sum(String name) {
        return sum(name, null, null);
    }

    /** Every series whose name starts with {@code prefix}, summed over their labels, by name. */
    java.util.SortedMap<String, Double> sumsByName(String prefix) {
        java.util.SortedMap<String, Double> sums = new java.util.TreeMap<>();
        for (Series one : series) {
            if (one.name().startsWith(prefix)) {
                sums.merge(one.name(), one.value(), Double::sum);
            }
        }
        return sums;
    }
}
