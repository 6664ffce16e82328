package io.vigil.system;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The HTTP server the import tests start (the JDK's, on a free port): the files of a directory with
 * Range support under {@code /media/}, and under {@code /slow/} at {@link #SLOW_BYTES_PER_SECOND}, so
 * that an import runs long enough to watch, cancel or crash.
 */
final class SourceServer implements AutoCloseable {

    static final int SLOW_BYTES_PER_SECOND = 40_000;
    private static final Pattern RANGE = Pattern.compile("bytes=(\\d+)-(\\d*)");

    private final HttpServer server;
    private final Path root;

    private SourceServer(Path root) throws IOException {
        this.root = root.toAbsolutePath().normalize();
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newFixedThreadPool(6, runnable -> {
            Thread thread = new Thread(runnable, "source-server");
            thread.setDaemon(true);
            return thread;
        }));
        server.createContext("/", this::handle);
        server.start();
    }

    static SourceServer serve(Path root) throws IOException {
        return new SourceServer(root);
    }

    /** {@code http://127.0.0.1:<port>/<path>}, e.g. {@code media/ts.m3u8} */
    String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/" + path;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            boolean slow = path.startsWith("/slow/");
            Path file = slow || path.startsWith("/media/") ? root.resolve(path.substring(path.indexOf('/', 1) + 1)).normalize() : null;
            if (file == null || !file.startsWith(root) || !Files.isRegularFile(file)) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            byte[] bytes = Files.readAllBytes(file);
            int from = 0;
            int to = bytes.length - 1;
            String range = exchange.getRequestHeaders().getFirst("Range");
            Matcher matcher = range == null ? null : RANGE.matcher(range);
            exchange.getResponseHeaders().set("Accept-Ranges", "bytes");
            if (path.endsWith(".m3u8")) {
                exchange.getResponseHeaders().set("Content-Type", "application/vnd.apple.mpegurl");
            }
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
            write(exchange.getResponseBody(), bytes, from, to, slow);
        }
    }

    private static void write(OutputStream out, byte[] bytes, int from, int to, boolean slow) {
        int chunk = slow ? SLOW_BYTES_PER_SECOND / 10 : 64 * 1024;
        try {
            for (int at = from; at <= to; at += chunk) {
                out.write(bytes, at, Math.min(chunk, to - at + 1));
                if (slow) {
                    out.flush();
                    Thread.sleep(100);
                }
            }
        } catch (IOException | InterruptedException e) {
            // the client went away (a cancelled or crashed import)
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
