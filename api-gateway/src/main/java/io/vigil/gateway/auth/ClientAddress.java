package io.vigil.gateway.auth;

import io.vertx.core.http.HttpServerRequest;

/** The client's address as logins record it. */
final class ClientAddress {

    private ClientAddress() {
    }

    /** Behind a proxy, with quarkus.http.proxy.proxy-address-forwarding, the forwarded one; at most 64 characters (the column). */
    static String of(HttpServerRequest http) {
        String host = http.remoteAddress() == null ? null : http.remoteAddress().hostAddress();
        return host == null ? "unknown" : host.length() > 64 ? host.substring(0, 64) : host;
    }
}
