package io.vigil.bench;

import io.vigil.devstack.Database;
import io.vigil.devstack.GatewayCredentials;
import io.vigil.devstack.KafkaBroker;
import io.vigil.devstack.PostgresCluster;
import io.vigil.devstack.ServiceProcess;
import org.flywaydb.core.Flyway;

import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The catalog benchmark ({@code bench/run.sh catalog}, bench/README.md): a real PostgreSQL from
 * devstack, the catalog migrations applied with Flyway as the services apply them, 1 M recordings
 * loaded, then p50/p99/mean of the range, timeline and dates queries over random cameras and days:
 * first the unbounded SQL on the schema before V4 (the baseline), then the packaged gateway is started
 * on the same database (it applies V4 at start, as in production) and the gateway's SQL and its HTTP
 * endpoints are measured. Writes {@code <out>/results.md} and {@code <out>/plans.md}.
 */
public final class CatalogBench {

    /** The first admin of the gateway this bench starts; the password is made for each run. */
    private static final String ADMIN = "admin";
    private static final String ADMIN_PASSWORD = GatewayCredentials.newPassword();

    private static final ZoneId CALENDAR_ZONE = ZoneId.of("Europe/Berlin");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

    private final Path repository;
    private final Path out;
    private final int cameras;
    private final int perCamera;
    private final int warmup;
    private final int iterations;
    private final Map<String, Row> rows = new LinkedHashMap<>();
    /** CPU seconds per second the processes counted by {@link ProcessCpu} use while no query runs (the gateway's own). */
    private double idleCpu;
    private final StringBuilder plans = new StringBuilder("# Query plans (EXPLAIN ANALYZE, BUFFERS), one sample each\n\n");

    /** cpuMillis: CPU per query of this JVM, PostgreSQL and the gateway together ({@link ProcessCpu}). */
    private record Row(String query, String how, List<Double> millis, double rowsPerQuery, double cpuMillis) {
    }

    private CatalogBench(Path repository, Path out, int cameras, int perCamera, int warmup, int iterations) {
        this.repository = repository;
        this.out = out;
        this.cameras = cameras;
        this.perCamera = perCamera;
        this.warmup = warmup;
        this.iterations = iterations;
    }

    public static void main(String[] args) throws Exception {
        Path repository = Path.of(".");
        Path out = null;
        int cameras = 100;
        int perCamera = 10_000;
        int warmup = 200;
        int iterations = 2000;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--repo" -> repository = Path.of(args[++i]);
                case "--out" -> out = Path.of(args[++i]);
                case "--cameras" -> cameras = Integer.parseInt(args[++i]);
                case "--per-camera" -> perCamera = Integer.parseInt(args[++i]);
                case "--warmup" -> warmup = Integer.parseInt(args[++i]);
                case "--iterations" -> iterations = Integer.parseInt(args[++i]);
                default -> {
                    System.err.println("unknown option " + args[i]
                            + "; options: --cameras N --per-camera N --warmup N --iterations N --repo DIR --out DIR");
                    System.exit(2);
                }
            }
        }
        if (out == null) {
            System.err.println("--out DIR is required");
            System.exit(2);
        }
        try {
            new CatalogBench(repository.toAbsolutePath(), out.toAbsolutePath(), cameras, perCamera, warmup, iterations).run();
            System.exit(0);
        } catch (Exception e) {
            e.printStackTrace();
            System.exit(1);
        }
    }

    private void run() throws Exception {
        Path work = out.resolve("work");
        Files.createDirectories(work.resolve("logs"));
        Path gatewayJar = repository.resolve("api-gateway/target/quarkus-app/quarkus-run.jar");
        if (!Files.isRegularFile(gatewayJar)) {
            throw new IllegalStateException("the gateway is not packaged: " + gatewayJar);
        }
        try (PostgresCluster postgres = PostgresCluster.start(work)) {
            Database database = postgres.createDatabase("vigil");
            log("migrating to V3 (the catalog before this issue's indexes)");
            flyway(database, "3").migrate();
            CatalogData.Loaded loaded;
            try (Connection connection = connect(database)) {
                log("loading " + cameras + " cameras x " + perCamera + " recordings with COPY");
                loaded = CatalogData.load(connection, cameras, perCamera);
                log("loaded " + loaded.recordings() + " recordings, " + loaded.gaps() + " gaps, " + loaded.events() + " events in "
                        + loaded.took().toSeconds() + " s; vacuum analyze");
                vacuumAnalyze(connection);
            }
            List<CatalogQueries.Sample> samples = samples(loaded.cameras(), warmup + iterations);
            try (Connection connection = connect(database)) {
                measureSql(connection, CatalogQueries.Version.UNBOUNDED, "SQL before V4, unbounded (the baseline)", samples);
            }
            log("starting Kafka and the packaged gateway on this database: it applies V4 at start");
            long migrated = System.nanoTime();
            try (KafkaBroker kafka = KafkaBroker.start(work);
                 ServiceProcess gateway = ServiceProcess.start("api-gateway", gatewayJar, 0, gatewayEnvironment(kafka, database, work),
                         work.resolve("logs/api-gateway.log"))) {
                log("gateway ready after " + Duration.ofNanos(System.nanoTime() - migrated).toSeconds() + " s; analyze");
                try (Connection connection = connect(database)) {
                    vacuumAnalyze(connection);
                    idleCpu = idleCpu();
                    log(String.format(java.util.Locale.ROOT, "idle: %.1f %% of a core (the gateway's Kafka consumers, JIT...), left out of CPU per query",
                            idleCpu * 100));
                    measureSql(connection, CatalogQueries.Version.BOUNDED, "SQL of the gateway, V4 (bounded)", samples);
                }
                measureHttp(gateway.url(), samples);
            }
            try (Connection connection = connect(database)) {
                write(loaded, tableSizes(connection));
            }
        }
    }

    /** Random cameras, a random whole UTC day and a random month within each camera's history; the same for every version. */
    private static List<CatalogQueries.Sample> samples(List<CatalogData.CameraSpan> spans, int count) {
        Random random = new Random(42);
        List<CatalogQueries.Sample> samples = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            CatalogData.CameraSpan camera = spans.get(random.nextInt(spans.size()));
            Instant firstDay = camera.first().truncatedTo(ChronoUnit.DAYS).plus(1, ChronoUnit.DAYS);
            long days = Duration.between(firstDay, camera.last()).toDays();
            Instant from = firstDay.plus(random.nextInt((int) days), ChronoUnit.DAYS);
            YearMonth first = YearMonth.from(camera.first().atZone(CALENDAR_ZONE));
            YearMonth last = YearMonth.from(camera.last().atZone(CALENDAR_ZONE));
            YearMonth month = first.plusMonths(random.nextInt((int) first.until(last, ChronoUnit.MONTHS) + 1));
            samples.add(new CatalogQueries.Sample(camera.id(), from, from.plus(1, ChronoUnit.DAYS), month, CALENDAR_ZONE));
        }
        return samples;
    }

    private interface SqlQuery {
        int run(Connection connection, CatalogQueries.Version version, CatalogQueries.Sample sample) throws SQLException;
    }

    private void measureSql(Connection connection, CatalogQueries.Version version, String how, List<CatalogQueries.Sample> samples)
            throws SQLException {
        log("measuring " + how);
        measure(connection, version, how, "range (a day of recordings)", CatalogQueries::runRange, samples);
        measure(connection, version, how, "timeline (a day)", CatalogQueries::runTimeline, samples);
        measure(connection, version, how, "dates (a month, Europe/Berlin)", CatalogQueries::runDates, samples);
        CatalogQueries.Sample sample = samples.get(0);
        plans.append("## ").append(how).append("\n\nsample: ").append(sample).append("\n\n### range\n```\n")
                .append(CatalogQueries.explain(connection, CatalogQueries.range(version), CatalogQueries.rangeParameters(sample)))
                .append("```\n### gaps\n```\n")
                .append(CatalogQueries.explain(connection, CatalogQueries.gaps(version), CatalogQueries.rangeParameters(sample)))
                .append("```\n### dates\n```\n")
                .append(CatalogQueries.explain(connection, CatalogQueries.dates(version, sample.month().lengthOfMonth()),
                        CatalogQueries.datesParameters(sample)))
                .append("```\n\n");
    }

    private void measure(Connection connection, CatalogQueries.Version version, String how, String query, SqlQuery sql,
                         List<CatalogQueries.Sample> samples) throws SQLException {
        List<Double> millis = new ArrayList<>();
        long rowsRead = 0;
        double cpu = 0;
        long measured = 0;
        for (int i = 0; i < samples.size(); i++) {
            if (i == warmup) {
                cpu = ProcessCpu.seconds();
                measured = System.nanoTime();
            }
            long began = System.nanoTime();
            int read = sql.run(connection, version, samples.get(i));
            double took = (System.nanoTime() - began) / 1e6;
            if (i >= warmup) {
                millis.add(took);
                rowsRead += read;
            }
        }
        record(query, how, millis, (double) rowsRead / millis.size(), cpuPerQuery(cpu, measured, millis.size()));
    }

    private void measureHttp(String gateway, List<CatalogQueries.Sample> samples) throws Exception {
        log("measuring the gateway's HTTP endpoints");
        // an API key, as a machine calls the gateway; each request then costs one key lookup in the catalog
        String key = GatewayCredentials.adminApiKey(gateway, ADMIN, ADMIN_PASSWORD);
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        String how = "HTTP GET on the gateway (V4, bounded)";
        httpRow(http, key, how, "range (a day of recordings)", samples,
                s -> gateway + "/api/cameras/" + s.camera() + "/recordings?from=" + s.from() + "&to=" + s.to());
        httpRow(http, key, how, "timeline (a day)", samples,
                s -> gateway + "/api/cameras/" + s.camera() + "/timeline?from=" + s.from() + "&to=" + s.to());
        httpRow(http, key, how, "dates (a month, Europe/Berlin)", samples,
                s -> gateway + "/api/cameras/" + s.camera() + "/dates?month=" + s.month() + "&tz=" + s.zone().getId());
    }

    private void httpRow(HttpClient http, String key, String how, String query, List<CatalogQueries.Sample> samples,
                         java.util.function.Function<CatalogQueries.Sample, String> url) throws Exception {
        List<Double> millis = new ArrayList<>();
        long bytes = 0;
        double cpu = 0;
        long measured = 0;
        for (int i = 0; i < samples.size(); i++) {
            if (i == warmup) {
                cpu = ProcessCpu.seconds();
                measured = System.nanoTime();
            }
            HttpRequest request = HttpRequest.newBuilder(URI.create(url.apply(samples.get(i))))
                    .header("Authorization", "Bearer " + key).timeout(Duration.ofSeconds(30)).build();
            long began = System.nanoTime();
            HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            double took = (System.nanoTime() - began) / 1e6;
            if (response.statusCode() != 200) {
                throw new IllegalStateException(request.uri() + " answered " + response.statusCode() + ": " + new String(response.body()));
            }
            if (i >= warmup) {
                millis.add(took);
                bytes += response.body().length;
            }
        }
        record(query, how, millis, bytes / 1024.0 / millis.size(), cpuPerQuery(cpu, measured, millis.size()));
    }

    /** Milliseconds of CPU per query since {@code cpu} seconds were counted at {@code since}, less the idle share. */
    private double cpuPerQuery(double cpu, long since, int queries) {
        double elapsed = (System.nanoTime() - since) / 1e9;
        return (ProcessCpu.seconds() - cpu - idleCpu * elapsed) * 1000 / queries;
    }

    private static double idleCpu() throws InterruptedException {
        double before = ProcessCpu.seconds();
        long began = System.nanoTime();
        Thread.sleep(10_000);
        return (ProcessCpu.seconds() - before) / ((System.nanoTime() - began) / 1e9);
    }

    private void record(String query, String how, List<Double> millis, double perQuery, double cpuMillis) {
        rows.put(query + "|" + how, new Row(query, how, millis, perQuery, cpuMillis));
        log(String.format(java.util.Locale.ROOT, "  %-32s %-42s p50 %.2f ms  p99 %.2f ms  mean %.2f ms  CPU %.2f ms",
                query, how, Stats.percentile(millis, 50), Stats.percentile(millis, 99), Stats.mean(millis), cpuMillis));
    }

    private void write(CatalogData.Loaded loaded, String sizes) throws Exception {
        StringBuilder md = new StringBuilder("# Catalog benchmark, " + Instant.now().truncatedTo(ChronoUnit.SECONDS) + "\n\n");
        md.append("Catalog: ").append(loaded.recordings()).append(" recordings of ").append(loaded.cameras().size())
                .append(" cameras, ").append(loaded.gaps()).append(" gaps, ").append(loaded.events()).append(" events; loaded with COPY in ")
                .append(loaded.took().toSeconds()).append(" s. ").append(warmup).append(" warm-up and ").append(iterations)
                .append(" measured queries per row, one at a time, the same random cameras, days and months for every row.")
                .append(" CPU per query: this JVM, PostgreSQL and the gateway together, less what they use idle (")
                .append(String.format(java.util.Locale.ROOT, "%.1f", idleCpu * 100)).append(" % of a core with the gateway up). Load average at the end: ")
                .append(String.format(java.util.Locale.ROOT, "%.1f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage()))
                .append(" on ").append(Runtime.getRuntime().availableProcessors()).append(" cores.\n\n");
        md.append("| query | how | p50 ms | p99 ms | mean ms | max ms | CPU ms per query | per query |\n|---|---|---|---|---|---|---|---|\n");
        rows.values().forEach(row -> md.append(String.format(java.util.Locale.ROOT, "| %s | %s | %.2f | **%.2f** | %.2f | %.2f | %.2f | %s |\n",
                row.query(), row.how(), Stats.percentile(row.millis(), 50), Stats.percentile(row.millis(), 99), Stats.mean(row.millis()),
                Stats.max(row.millis()), row.cpuMillis(), row.how().startsWith("HTTP")
                        ? String.format(java.util.Locale.ROOT, "%.1f KB", row.rowsPerQuery())
                        : String.format(java.util.Locale.ROOT, "%.1f rows", row.rowsPerQuery()))));
        md.append("\n").append(sizes);
        Files.writeString(out.resolve("results.md"), md.toString());
        Files.writeString(out.resolve("plans.md"), plans.toString());
        System.out.println(md);
        log("results in " + out.resolve("results.md") + ", plans in " + out.resolve("plans.md"));
    }

    private static String tableSizes(Connection connection) throws SQLException {
        StringBuilder sizes = new StringBuilder("| relation | size |\n|---|---|\n");
        try (Statement statement = connection.createStatement();
             var result = statement.executeQuery("select c.relname, pg_size_pretty(pg_relation_size(c.oid)) from pg_class c"
                     + " join pg_namespace n on n.oid = c.relnamespace where n.nspname = 'public' and c.relkind in ('r', 'i')"
                     + " and (c.relname like 'recording%' or c.relname like 'gap%' or c.relname like 'event%')"
                     + " order by pg_relation_size(c.oid) desc")) {
            while (result.next()) {
                sizes.append("| ").append(result.getString(1)).append(" | ").append(result.getString(2)).append(" |\n");
            }
        }
        return sizes.toString();
    }

    private static Map<String, String> gatewayEnvironment(KafkaBroker kafka, Database database, Path work) throws Exception {
        Path recordings = Files.createDirectories(work.resolve("recordings"));
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers());
        environment.put("VIGIL_RECORDINGS_ROOT", recordings.toString());
        environment.put("QUARKUS_DATASOURCE_JDBC_URL", database.jdbcUrl());
        environment.put("QUARKUS_DATASOURCE_REACTIVE_URL", database.reactiveUrl());
        environment.put("QUARKUS_DATASOURCE_USERNAME", database.username());
        environment.put("QUARKUS_DATASOURCE_PASSWORD", database.password());
        environment.putAll(GatewayCredentials.bootstrapEnvironment(ADMIN, ADMIN_PASSWORD));
        return environment;
    }

    private static Flyway flyway(Database database, String target) {
        return Flyway.configure()
                .dataSource(database.jdbcUrl(), database.username(), database.password())
                .locations("classpath:db/migration")
                .target(target)
                .load();
    }

    private static void vacuumAnalyze(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            // autovacuum would get there on its own in a catalog that has been running for months
            statement.execute("vacuum analyze");
        }
    }

    private static Connection connect(Database database) throws SQLException {
        return DriverManager.getConnection(database.jdbcUrl(), database.username(), database.password());
    }

    private static void log(String message) {
        System.out.println(LocalDateTime.now(ZoneOffset.UTC).format(TIME) + " " + message);
    }
}
