package io.vigil.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Credentials for a gateway started here: a generated admin password handed to it as its bootstrap
 * secret, and an admin API key made with it through the gateway's API (login, then POST /api/keys).
 * LocalStack uses it, and so does the bench, which starts its own gateway.
 */
public final class GatewayCredentials {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Pattern SESSION = Pattern.compile("vigil_session=([^;]+)");
    private static final Pattern KEY = Pattern.compile("\"key\"\\s*:\\s*\"([^\"]+)\"");

    private GatewayCredentials() {
    }

    /** 144 random bits, URL-safe. */
    public static String newPassword() {
        byte[] bytes = new byte[18];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** The gateway's environment for its first admin. */
    public static Map<String, String> bootstrapEnvironment(String user, String password) {
        return Map.of("VIGIL_AUTH_BOOTSTRAP_ADMIN_USERNAME", user, "VIGIL_AUTH_BOOTSTRAP_ADMIN_PASSWORD", password);
    }

    public static String adminApiKey(String gatewayUrl, String user, String password) {
        HttpClient http = HttpClient.newHttpClient();
        String login = "{\"username\":\"%s\",\"password\":\"%s\"}".formatted(user, password);
        HttpResponse<String> session = send(http, HttpRequest.newBuilder(URI.create(gatewayUrl + "/api/auth/login"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(login)), "log in as " + user);
        Matcher cookie = SESSION.matcher(session.headers().firstValue("Set-Cookie").orElse(""));
        if (!cookie.find()) {
            throw new IllegalStateException("the gateway's login answered without a session cookie");
        }
        HttpResponse<String> created = send(http, HttpRequest.newBuilder(URI.create(gatewayUrl + "/api/keys"))
                .header("Content-Type", "application/json")
                .header("Cookie", "vigil_session=" + cookie.group(1))
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"devstack\",\"role\":\"admin\"}")), "make an API key");
        Matcher key = KEY.matcher(created.body());
        if (!key.find()) {
            throw new IllegalStateException("the gateway made no API key: " + created.statusCode());
        }
        return key.group(1);
    }

    private static HttpResponse<String> send(HttpClient http, HttpRequest.Builder request, String what) {
        try {
            HttpResponse<String> response = http.send(request.timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                throw new IllegalStateException("could not " + what + " at the gateway: HTTP " + response.statusCode());
            }
            return response;
        } catch (IOException e) {
            throw new UncheckedIOException("could not " + what + " at the gateway", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
