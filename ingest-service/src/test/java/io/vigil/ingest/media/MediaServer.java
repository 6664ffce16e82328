package io.vigil.ingest.media;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A real HTTP server for source tests (the JDK's, on a free port): files from a directory with Range
 * support, under prefixes that change how it answers:
 * <ul>
 *   <li>{@code /media/...} plain;</li>
 *   <li>{@code /private/...} only with the header {@code Authorization: Bearer <token>}, else 403;</li>
 *   <li>{@code /forbidden/...} always 403;</li>
 *   <li>{@code /slow/...} at a limited rate, so an import takes long enough to watch and cancel;</li>
 * </ul>
 * plus playlists built per request ({@link #playlist}) and paths failing a number of times ({@link #failTimes}).
 * Every request path is logged, so a test can count how often a segment was fetched.
 */
public final class MediaServer implements AutoCloseable {

    public static final String TOKEN = "Bearer s3cret-token";
    private static final Pattern RANGE = Pattern.compile("bytes=(\\d+)-(\\d*)");

    private final HttpServer server;
    private final Path root;
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private final Map<String, Supplier<String>> playlists = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> failures = new ConcurrentHashMap<>();
    private volatile int slowBytesPerSecond = 200_000;

    private MediaServer(Path root) throws IOException {
        this.root = root;
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newFixedThreadPool(8, runnable -> {
            Thread thread = new Thread(runnable, "media-server");
            thread.setDaemon(true);
            return thread;
        }));
        server.createContext("/", this::handle);
        server.start();
    }

    public static MediaServer serve(Path root) throws IOException {
        return new MediaServer(root);
    }

    /** {@code http://127.0.0.1:<port>/<path>} */
    public String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/" + path;
    }

    /** Serves the text {@code body} supplies at each request, at {@code path} (e.g. "media/live.m3u8"). */
    public void playlist(String path, Supplier<String> body) {
        playlists.put("/" + path, body);
    }

    /** The next {@code times} requests of {@code path} answer 500 (-1: every one). */
    public void failTimes(String path, int times) {
        failures.put("/" + path, new AtomicInteger(times));
    }

    public void slowRate(int bytesPerSecond) {
        slowBytesPerSecond = bytesPerSecond;
    }

    /** How many requests asked for {@code path}. */
    public long requests(String path) {
        return requests.stream().filter(("/" + path)::equals).count();
    }

    public List<String> requests() {
        return List.copyOf(requests);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            requests.add(path);
            AtomicInteger failing = failures.get(path);
            if (failing != null && (failing.get() < 0 || failing.getAndDecrement() > 0)) {
                answer(exchange, 500, "failing on purpose");
                return;
            }
            if (path.startsWith("/forbidden/")
                    || path.startsWith("/private/") && !TOKEN.equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
                answer(exchange, 403, "forbidden");
                return;
            }
            Supplier<String> playlist = playlists.get(path);
            if (playlist != null) {
                byte[] body = playlist.get().getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "application/vnd.apple.mpegurl");
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
                return;
            }
            int slash = path.indexOf('/', 1);
            Path file = slash < 0 ? null : root.resolve(path.substring(slash + 1)).normalize();
            if (file == null || !file.startsWith(root) || !Files.isRegularFile(file)) {
                answer(exchange, 404, "not found");
                return;
            }
            file(exchange, file, path.startsWith("/slow/"));
        }
    }

    private void file(HttpExchange exchange, Path file, boolean slow) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        int from = 0;
        int to = bytes.length - 1;
        String range = exchange.getRequestHeaders().getFirst("Range");
        Matcher matcher = range == null ? null : RANGE.matcher(range);
        exchange.getResponseHeaders().set("Accept-Ranges", "bytes");
        if (matcher != null && matcher.matches()) {
            from = Integer.parseInt(matcher.group(1));
            if (!matcher.group(2).isEmpty()) {
                to = Math.min(to, Integer.parseInt(matcher.group(2)));
            }
            if (from > to) {
                exchange.getResponseHeaders().set("Content-Range", "bytes */" + bytes.length);
                exchange.sendResponseHeaders(416, -1);
                return;
            }
            exchange.getResponseHeaders().set("Content-Range", "bytes " + from + "-" + to + "/" + bytes.length);
            exchange.sendResponseHeaders(206, to - from + 1);
        } else {
            exchange.sendResponseHeaders(200, bytes.length);
        }
        OutputStream out = exchange.getResponseBody();
        int chunk = slow ? Math.max(1, slowBytesPerSecond / 20) : 64 * 1024;
        try {
            for (int at = from; at <= to; at += chunk) {
                out.write(bytes, at, Math.min(chunk, to - at + 1));
                if (slow) {
                    out.flush();
                    Thread.sleep(50);
                }
            }
        } catch (IOException | InterruptedException e) {
            // the client went away (a cancelled import): nothing to answer
        }
    }

    private static void answer(HttpExchange exchange, int status, String text) throws IOException {
        byte[] body = text.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, body.length);
        exchange.getResponseBody().write(body);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
