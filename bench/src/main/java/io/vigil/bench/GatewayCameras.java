package io.vigil.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Cameras registered and switched through the gateway's API, as a user does. Not on the camera-config
 * topic directly: the gateway reconciles that topic with its camera table every few minutes and would
 * remove cameras it does not know. Every call to the gateway is here, so credentials go in one place.
 */
final class GatewayCameras {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final String gateway;
    private final String apiKey;

    /** @param apiKey an admin's API key (the stack's {@code adminApiKey()}) */
    GatewayCameras(String gatewayUrl, String apiKey) {
        this.gateway = gatewayUrl;
        this.apiKey = apiKey;
    }

    /** A camera in mode continuous, 60 s files, motion detection off. */
    void add(String id, String url) {
        send(HttpRequest.newBuilder(URI.create(gateway + "/api/cameras"))
                .POST(HttpRequest.BodyPublishers.ofString(body(id, url, "continuous"))), 201, "add " + id);
    }

    /** The camera stays, but stops recording. */
    void switchOff(String id, String url) {
        send(HttpRequest.newBuilder(URI.create(gateway + "/api/cameras/" + id))
                .PUT(HttpRequest.BodyPublishers.ofString(body(null, url, "off"))), 200, "switch off " + id);
    }

    private static String body(String id, String url, String mode) {
        return "{" + (id == null ? "" : "\"id\":\"" + id + "\",") + "\"url\":\"" + url + "\",\"mode\":\"" + mode
                + "\",\"rotationSeconds\":60,\"motion\":{\"enabled\":false}}";
    }

    private void send(HttpRequest.Builder request, int expected, String what) {
        try {
            HttpResponse<String> response = http.send(request.header("Content-Type", "application/json")
                    .header("Authorization", "Bearer " + apiKey)
                    .timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != expected) {
                throw new IllegalStateException("the gateway refused to " + what + ": HTTP " + response.statusCode() + " " + response.body());
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot " + what + " at " + gateway + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while trying to " + what, e);
        }
    }
}
