package io.vigil.ingest.tls;

import java.util.Locale;

/**
 * An {@code rtsps://} camera URL taken apart: where the TLS connection goes, and the plain
 * {@code rtsp://} URL FFmpeg is given instead, through the relay. Its text carries the credentials,
 * so it is never logged and {@link #toString()} leaves them out.
 */
public final class RtspsUrl {

    /** RTSP over TLS's registered port (RFC 2326 §19.2). */
    public static final int DEFAULT_PORT = 322;
    private static final String SCHEME = "rtsps://";

    private final String userInfo;
    private final String host;
    private final int port;
    private final String pathAndQuery;

    private RtspsUrl(String userInfo, String host, int port, String pathAndQuery) {
        this.userInfo = userInfo;
        this.host = host;
        this.port = port;
        this.pathAndQuery = pathAndQuery;
    }

    /**
     * Parses by hand rather than with {@link java.net.URI}: a camera password may hold characters URI refuses,
     * and the path and query must reach the camera exactly as written.
     *
     * @throws IllegalArgumentException with a message free of credentials
     */
    public static RtspsUrl parse(String url) {
        if (!url.toLowerCase(Locale.ROOT).startsWith(SCHEME)) {
            throw new IllegalArgumentException("not an rtsps:// URL");
        }
        String rest = url.substring(SCHEME.length());
        int end = 0;
        while (end < rest.length() && "/?#".indexOf(rest.charAt(end)) < 0) {
            end++;
        }
        String authority = rest.substring(0, end);
        String pathAndQuery = rest.substring(end);
        int at = authority.lastIndexOf('@');
        String userInfo = at < 0 ? null : authority.substring(0, at);
        String hostPort = authority.substring(at + 1);
        String host;
        String port = null;
        if (hostPort.startsWith("[")) {
            int close = hostPort.indexOf(']');
            if (close < 0) {
                throw new IllegalArgumentException("the rtsps URL's IPv6 host has no closing ]");
            }
            host = hostPort.substring(1, close);
            if (close + 1 < hostPort.length()) {
                if (hostPort.charAt(close + 1) != ':') {
                    throw new IllegalArgumentException("the rtsps URL's host is malformed");
                }
                port = hostPort.substring(close + 2);
            }
        } else {
            int colon = hostPort.indexOf(':');
            host = colon < 0 ? hostPort : hostPort.substring(0, colon);
            port = colon < 0 ? null : hostPort.substring(colon + 1);
        }
        if (host.isEmpty()) {
            throw new IllegalArgumentException("the rtsps URL has no host");
        }
        return new RtspsUrl(userInfo, host, port == null || port.isEmpty() ? DEFAULT_PORT : port(port), pathAndQuery);
    }

    private static int port(String text) {
        try {
            int port = Integer.parseInt(text);
            if (port >= 1 && port <= 65_535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("the rtsps URL's port is not a port number: " + text);
    }

    public String host() {
        return host;
    }

    public int port() {
        return port;
    }

    /** {@code rtsp://[user:pass@]127.0.0.1:<localPort><path and query>}: the same request, in the clear to the relay. */
    public String relayed(int localPort) {
        return "rtsp://" + (userInfo == null ? "" : userInfo + "@") + "127.0.0.1:" + localPort + pathAndQuery;
    }

    @Override
    public String toString() {
        return "rtsps://" + (userInfo == null ? "" : "***@") + (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    }
}
