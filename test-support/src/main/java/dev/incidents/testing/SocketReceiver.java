package dev.incidents.testing;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * A webhook receiver on a plain socket, to choose how it treats connections. Many small receivers answer
 * {@code 204} over HTTP/1.1 without {@code Connection: close} and close the connection at once: a sender that puts
 * the connection back in its pool may reuse it just as it closes, before the close reaches it, and this receiver
 * makes that race as likely as real ones do. Told to {@link #keepConnections(boolean) keep connections}, it answers
 * request after request on one. A {@link #silent()} one closes without answering at all. Loopback only.
 */
public final class SocketReceiver implements AutoCloseable {

    private final ServerSocket server;
    private final ExecutorService handlers = Executors.newVirtualThreadPerTaskExecutor();
    private final AtomicInteger connections = new AtomicInteger();
    private final AtomicInteger requests = new AtomicInteger();
    private final Consumer<Request> onRequest;
    private final boolean silent;
    private volatile boolean keepConnections;

    /** One request as received: its path, its headers by lower-case name, and its body. */
    public record Request(String path, Map<String, String> headers, byte[] body) {
    }

    private SocketReceiver(Consumer<Request> onRequest, boolean silent) {
        this.onRequest = onRequest;
        this.silent = silent;
        try {
            server = new ServerSocket(0, 512, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Thread.ofPlatform().daemon().name("closing-receiver").start(this::accept);
    }

    /** Answers every request, after handing it to {@code onRequest}. */
    public static SocketReceiver answering(Consumer<Request> onRequest) {
        return new SocketReceiver(onRequest, false);
    }

    /** Reads every request and closes without a byte of answer. */
    public static SocketReceiver silent() {
        return new SocketReceiver(request -> { }, true);
    }

    /** From now on, new answers keep their connection open for the next request, or (false) close it. */
    public SocketReceiver keepConnections(boolean keep) {
        keepConnections = keep;
        return this;
    }

    public String url(String path) {
        return "http://127.0.0.1:" + server.getLocalPort() + path;
    }

    public int connections() {
        return connections.get();
    }

    public int requests() {
        return requests.get();
    }

    @Override
    public void close() throws IOException {
        server.close();
        handlers.shutdownNow();
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                connections.incrementAndGet();
                handlers.submit(() -> answer(socket));
            } catch (SocketException closed) {
                return;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private void answer(Socket socket) {
        try (socket) {
            InputStream in = new BufferedInputStream(socket.getInputStream());
            Optional<Request> request = read(in);
            while (request.isPresent()) {
                requests.incrementAndGet();
                onRequest.accept(request.get());
                if (silent) {
                    return;
                }
                socket.getOutputStream().write("HTTP/1.1 204 No Content\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                socket.getOutputStream().flush();
                request = keepConnections ? read(in) : Optional.empty();
            }
        } catch (IOException peerWentAway) {
            // the sender gave up on this connection: nothing more to answer
        }
    }

    /** The next request on the connection, or empty if the sender closed it between requests. */
    private static Optional<Request> read(InputStream in) throws IOException {
        String requestLine = line(in);
        if (requestLine == null) {
            return Optional.empty();
        }
        Map<String, String> headers = new HashMap<>();
        for (String header = line(in); header != null && !header.isEmpty(); header = line(in)) {
            int colon = header.indexOf(':');
            headers.put(header.substring(0, colon).strip().toLowerCase(Locale.ROOT), header.substring(colon + 1).strip());
        }
        int length = Integer.parseInt(headers.getOrDefault("content-length", "0"));
        return Optional.of(new Request(requestLine.split(" ")[1], headers, in.readNBytes(length)));
    }

    /** One line without its CRLF; null if the connection ends before a byte of it. */
    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0 && bytes.size() == 0) {
                return null;
            }
            if (b < 0) {
                throw new IOException("the connection closed inside a request");
            }
            if (b != '\r') {
                bytes.write(b);
            }
        }
        return bytes.toString(StandardCharsets.ISO_8859_1);
    }
}
