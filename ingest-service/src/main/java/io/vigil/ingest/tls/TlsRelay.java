package io.vigil.ingest.tls;

import org.jboss.logging.Logger;

import javax.net.ssl.SSLSocket;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Terminates a camera's TLS for FFmpeg, whose RTSP demuxer cannot verify certificates: listens on
 * 127.0.0.1 at an ephemeral port and pipes each connection FFmpeg makes there, in the clear, to a
 * verified TLS connection to the camera. The first TLS connection is made, its handshake completed,
 * before the relay exists, so an untrusted camera fails the session before FFmpeg starts and no
 * unverified connection is ever made. A later connection (JavaCV retries a failed open once) gets a
 * TLS connection of its own, verified the same way. Closed with the session.
 */
public final class TlsRelay implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(TlsRelay.class);
    private static final int BUFFER = 64 * 1024;

    private final CameraTrust trust;
    private final String host;
    private final int port;
    private final Duration timeout;
    private final String name;
    private final ServerSocket listener;
    private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();
    /** The verified connection made by {@link #open}, handed to the first connection FFmpeg makes. */
    private SSLSocket first;
    private volatile boolean closed;

    private TlsRelay(CameraTrust trust, String host, int port, Duration timeout, String name, SSLSocket first,
                     ServerSocket listener) {
        this.trust = trust;
        this.host = host;
        this.port = port;
        this.timeout = timeout;
        this.name = name;
        this.first = first;
        this.listener = listener;
        sockets.add(first);
    }

    /**
     * Connects to the camera, verifies its certificate, and starts listening for FFmpeg.
     *
     * @param name names the relay's threads (the camera's id)
     * @throws CertificateRefused when the camera's certificate is not trusted
     * @throws IOException        when the camera cannot be reached or the handshake fails
     */
    public static TlsRelay open(CameraTrust trust, String host, int port, Duration timeout, String name) throws IOException {
        SSLSocket camera = trust.connect(host, port, timeout);
        ServerSocket listener;
        try {
            listener = new ServerSocket(0, 2, InetAddress.getByName("127.0.0.1"));
        } catch (IOException e) {
            camera.close();
            throw e;
        }
        TlsRelay relay = new TlsRelay(trust, host, port, timeout, name, camera, listener);
        Thread acceptor = new Thread(relay::accept, "tls-relay-" + name);
        acceptor.setDaemon(true);
        acceptor.start();
        return relay;
    }

    /** The local port FFmpeg connects to. */
    public int port() {
        return listener.getLocalPort();
    }

    private void accept() {
        while (!closed) {
            Socket local;
            try {
                local = listener.accept();
            } catch (IOException e) {
                if (!closed) {
                    LOG.debugf("tls relay %s: accepting failed: %s", name, e.toString());
                }
                return;
            }
            sockets.add(local);
            SSLSocket camera;
            try {
                camera = takeFirst();
                if (camera == null) {
                    camera = trust.connect(host, port, timeout);
                    sockets.add(camera);
                }
                local.setTcpNoDelay(true);
            } catch (IOException e) {
                // FFmpeg sees its connection closed; the session fails and reports as any failed open
                LOG.warnf("tls relay %s: %s", name, e.getMessage());
                closeQuietly(local);
                continue;
            }
            if (closed) {
                closeQuietly(local);
                closeQuietly(camera);
                return;
            }
            pump(camera, local, "camera to ffmpeg");
            pump(local, camera, "ffmpeg to camera");
        }
    }

    private synchronized SSLSocket takeFirst() {
        SSLSocket taken = first;
        first = null;
        return taken;
    }

    /** Copies one direction on its own thread; when either side ends or fails, both sockets are closed. */
    private void pump(Socket from, Socket to, String direction) {
        Thread thread = new Thread(() -> {
            byte[] buffer = new byte[BUFFER];
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                for (int n; (n = in.read(buffer)) >= 0; ) {
                    out.write(buffer, 0, n);
                    out.flush();
                }
            } catch (IOException e) {
                if (!closed) {
                    LOG.debugf("tls relay %s: %s ended: %s", name, direction, e.toString());
                }
            } finally {
                closeQuietly(from);
                closeQuietly(to);
            }
        }, "tls-relay-" + name + "-" + direction.replace(' ', '-'));
        thread.setDaemon(true);
        thread.start();
    }

    private void closeQuietly(Socket socket) {
        sockets.remove(socket);
        try {
            socket.close();
        } catch (IOException e) {
            LOG.tracef("tls relay %s: closing a socket failed: %s", name, e.toString());
        }
    }

    /** Stops listening and closes every connection, which ends the pump threads. */
    @Override
    public void close() {
        closed = true;
        try {
            listener.close();
        } catch (IOException e) {
            LOG.tracef("tls relay %s: closing the listener failed: %s", name, e.toString());
        }
        for (Socket socket : sockets) {
            closeQuietly(socket);
        }
    }
}
