package io.vigil.ingest.tls;

import io.vigil.devstack.TlsCertificate;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/** A TLS server on 127.0.0.1 showing an openssl-made certificate; it answers every byte with the byte plus one. */
final class TlsCameraServer implements AutoCloseable {

    private final SSLServerSocket server;
    private final List<Socket> clients = new CopyOnWriteArrayList<>();
    /** Connections whose handshake completed. */
    final AtomicInteger handshakes = new AtomicInteger();

    TlsCameraServer(TlsCertificate certificate) throws Exception {
        String keyPem = Files.readString(certificate.key());
        byte[] der = Base64.getMimeDecoder().decode(keyPem.replaceAll("-----[A-Z ]+-----", ""));
        PrivateKey key = KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));
        Certificate cert;
        try (InputStream in = Files.newInputStream(certificate.certificate())) {
            cert = CertificateFactory.getInstance("X.509").generateCertificate(in);
        }
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setKeyEntry("camera", key, new char[0], new Certificate[] {cert});
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(store, new char[0]);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keys.getKeyManagers(), null, null);
        server = (SSLServerSocket) context.getServerSocketFactory().createServerSocket(0, 10, InetAddress.getByName("127.0.0.1"));
        Thread acceptor = new Thread(this::accept, "tls-camera");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    int port() {
        return server.getLocalPort();
    }

    /** Closes every connection from the camera's side. */
    void dropClients() throws IOException {
        for (Socket client : clients) {
            client.close();
        }
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                clients.add(client);
                Thread echo = new Thread(() -> answer(client), "tls-camera-client");
                echo.setDaemon(true);
                echo.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private void answer(Socket client) {
        try (client; InputStream in = client.getInputStream(); OutputStream out = client.getOutputStream()) {
            ((javax.net.ssl.SSLSocket) client).startHandshake();
            handshakes.incrementAndGet();
            for (int b; (b = in.read()) >= 0; ) {
                out.write(b + 1);
                out.flush();
            }
        } catch (IOException e) {
            // the client went away or refused the certificate
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        dropClients();
    }
}
