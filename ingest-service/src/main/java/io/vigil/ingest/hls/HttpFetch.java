package io.vigil.ingest.hls;

import io.vigil.ingest.session.StreamFailure;
import io.vigil.ingest.status.FailureKind;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Map;

/**
 * GETs of playlists, keys and segments with the source's headers (Authorization, Cookie, User-Agent...).
 * Failures are classified like a camera's (401/403 forbidden, 404 not found, timeout, refused); messages
 * name the status and never the headers.
 */
final class HttpFetch {

    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NORMAL)
            .connectTimeout(Duration.ofSeconds(10))
            .build();

    private final Map<String, String> headers;
    private final Duration timeout;

    HttpFetch(Map<String, String> headers, Duration timeout) {
        this.headers = headers;
        this.timeout = timeout;
    }

    /** @param what names the resource in messages ("playlist", "segment 42") */
    byte[] get(URI uri, String what) throws StreamFailure {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(timeout).GET();
        try {
            headers.forEach(request::header);
        } catch (IllegalArgumentException e) {
            throw new StreamFailure(FailureKind.FAILURE, "a source header is not allowed by the HTTP client: " + e.getMessage());
        }
        HttpResponse<byte[]> response;
        try {
            response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (HttpTimeoutException e) {
            throw new StreamFailure(FailureKind.TIMEOUT, what + ": no answer within " + timeout.toSeconds() + " s", e);
        } catch (ConnectException e) {
            throw new StreamFailure(FailureKind.REFUSED, what + ": connection refused", e);
        } catch (IOException e) {
            throw new StreamFailure(FailureKind.FAILURE, what + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StreamFailure(FailureKind.FAILURE, what + ": interrupted", e);
        }
        int status = response.statusCode();
        if (status == 401 || status == 403) {
            throw new StreamFailure(FailureKind.UNAUTHORIZED, what + ": access denied (" + status + "): check the source's headers or credentials");
        }
        if (status == 404 || status == 410) {
            throw new StreamFailure(FailureKind.NOT_FOUND, what + ": not found (" + status + ")");
        }
        if (status / 100 != 2) {
            throw new StreamFailure(FailureKind.FAILURE, what + ": HTTP " + status);
        }
        return response.body();
    }
}
