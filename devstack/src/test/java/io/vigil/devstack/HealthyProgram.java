package io.vigil.devstack;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

/**
 * The smallest program that behaves like a packaged service to {@link ServiceProcess}: it listens on
 * {@code QUARKUS_HTTP_PORT}, is ready after a moment, and shows its environment at {@code /env/NAME}.
 */
public final class HealthyProgram {

    public static void main(String[] args) throws IOException {
        long readyAt = System.currentTimeMillis() + 1_000;
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", Integer.parseInt(System.getenv("QUARKUS_HTTP_PORT"))), 0);
        server.createContext("/q/health/ready", exchange -> {
            int status = System.currentTimeMillis() >= readyAt ? 200 : 503;
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.createContext("/env/", exchange -> {
            String value = String.valueOf(System.getenv(exchange.getRequestURI().getPath().substring("/env/".length())));
            byte[] body = value.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        System.out.println("listening");
    }
}
