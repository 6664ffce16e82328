package io.vigil.gateway.camera;

import io.vigil.gateway.problem.ProblemException;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * HTTP headers for an HLS or HTTP source (a camera's or an import's): validated, never echoed (a value
 * may be a token or a cookie), shown by name only as {@code "set"}.
 */
public final class SourceHeaders {

    static final int MAX_HEADERS = 20;
    static final int MAX_VALUE_LENGTH = 4096;
    /** RFC 9110 token characters. */
    private static final Pattern NAME = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]{1,100}");
    /** Set by the HTTP client itself; a source cannot be given them. */
    private static final Set<String> RESERVED = Set.of("host", "connection", "content-length", "expect", "upgrade",
            "transfer-encoding", "te", "keep-alive", "range");

    private SourceHeaders() {
    }

    /** @throws ProblemException 400 naming the header at fault (never its value) */
    public static Map<String, String> validate(Map<String, String> headers, String url) {
        if (headers == null || headers.isEmpty()) {
            return Map.of();
        }
        if (!url.toLowerCase(Locale.ROOT).startsWith("http")) {
            throw ProblemException.invalid("headers", "headers are for http and https sources only");
        }
        if (headers.size() > MAX_HEADERS) {
            throw ProblemException.invalid("headers", "at most " + MAX_HEADERS + " headers");
        }
        Map<String, String> valid = new LinkedHashMap<>();
        headers.forEach((name, value) -> {
            if (name == null || !NAME.matcher(name).matches()) {
                throw ProblemException.invalid("headers", "a header name must be 1 to 100 token characters (A-Z, 0-9, -...)");
            }
            if (RESERVED.contains(name.toLowerCase(Locale.ROOT))) {
                throw ProblemException.invalid("headers", "header " + name + " is set by Vigil itself");
            }
            if (value == null || value.length() > MAX_VALUE_LENGTH || value.chars().anyMatch(c -> c < 0x20 && c != '\t' || c == 0x7f)) {
                throw ProblemException.invalid("headers", "the value of header " + name
                        + " must be at most " + MAX_VALUE_LENGTH + " printable characters");
            }
            valid.put(name, value);
        });
        return valid;
    }

    /** How the API shows headers: each name with "set", sorted; the values never leave the gateway but on Kafka. */
    public static Map<String, String> shown(Map<String, String> headers) {
        Map<String, String> shown = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.keySet().forEach(name -> shown.put(name, "set"));
        return shown;
    }
}
