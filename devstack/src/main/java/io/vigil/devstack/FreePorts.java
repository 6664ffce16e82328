package io.vigil.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;

/** Loopback ports: finding a free one and waiting for one to open. */
final class FreePorts {

    private FreePorts() {
    }

    /** A port nobody listens on right now (the OS hands out ephemeral ports in turn, so a reuse race is unlikely). */
    static int next() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port", e);
        }
    }

    /** The given port, or a free one when it is 0. */
    static int orNext(int port) {
        return port == 0 ? next() : port;
    }

    static boolean isOpen(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), (int) Duration.ofSeconds(1).toMillis());
            // a connect to a closed ephemeral port can meet itself (TCP simultaneous open): nobody listens then
            return socket.getLocalPort() != port;
        } catch (IOException e) {
            return false;
        }
    }
}
