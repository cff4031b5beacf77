package io.kamea.e2e;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * HTTP/1.1 to the Kamea API over a socket of its own, for the requests {@code java.net.http}
 * cannot make: the headers of a body without the body, and a body still being sent while the
 * answer is read.
 */
final class RawHttp {

    private static final byte[] CRLF = {'\r', '\n'};
    private static final int READ_TIMEOUT_MILLIS = 10_000;

    private RawHttp() {
    }

    /** Declares {@code contentLength} bytes of JSON, sends none of them, and reads the answer. */
    static Http.Reply declaredOnly(String method, String path, long contentLength) throws IOException {
        try (Socket socket = open()) {
            OutputStream out = socket.getOutputStream();
            out.write(head(method, path, "Content-Length: " + contentLength));
            out.flush();
            return read(socket.getInputStream());
        }
    }

    /**
     * Sends the whole body with its Content-Length while reading the answer, as curl does: a server
     * that refuses a large body on its headers answers before it has read the body, and may never
     * read it (Java's HttpClient waits until it has written the body before it reads).
     */
    static Http.Reply whole(String method, String path, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        try (Socket socket = open()) {
            OutputStream out = socket.getOutputStream();
            out.write(head(method, path, "Content-Length: " + bytes.length));
            Thread sender = new Thread(() -> {
                try {
                    out.write(bytes);
                    out.flush();
                } catch (IOException e) {
                    // the server closed the connection after its answer: nothing more to send
                }
            }, "raw-http-sender");
            sender.setDaemon(true);
            sender.start();
            return read(socket.getInputStream());
        }
    }

    /**
     * Sends up to {@code totalBytes} of JSON whitespace in chunks of 64 KiB, without
     * Content-Length, and reads the answer meanwhile; sending stops once it came or the server
     * stopped reading.
     */
    static Http.Reply chunked(String method, String path, long totalBytes) throws IOException {
        try (Socket socket = open()) {
            OutputStream out = socket.getOutputStream();
            out.write(head(method, path, "Transfer-Encoding: chunked"));
            AtomicBoolean answered = new AtomicBoolean();
            Thread sender = new Thread(() -> {
                byte[] chunk = new byte[64 * 1024];
                Arrays.fill(chunk, (byte) ' ');
                byte[] size = (Integer.toHexString(chunk.length) + "\r\n").getBytes(StandardCharsets.US_ASCII);
                try {
                    for (long sent = 0; sent < totalBytes && !answered.get(); sent += chunk.length) {
                        out.write(size);
                        out.write(chunk);
                        out.write(CRLF);
                    }
                    out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                } catch (IOException e) {
                    // the server closed the connection after its answer: nothing more to send
                }
            }, "raw-http-sender");
            sender.setDaemon(true);
            sender.start();
            try {
                return read(socket.getInputStream());
            } finally {
                answered.set(true);
            }
        }
    }

    private static Socket open() throws IOException {
        URI api = URI.create(Stack.API);
        boolean tls = "https".equals(api.getScheme());
        int port = api.getPort() > 0 ? api.getPort() : tls ? 443 : 80;
        Socket socket = tls ? Stack.tls().getSocketFactory().createSocket(api.getHost(), port)
                : new Socket(api.getHost(), port);
        socket.setSoTimeout(READ_TIMEOUT_MILLIS);
        return socket;
    }

    private static byte[] head(String method, String path, String framing) {
        URI api = URI.create(Stack.API);
        String authority = api.getHost() + (api.getPort() > 0 ? ":" + api.getPort() : "");
        return (method + " " + api.getRawPath().replaceFirst("/$", "") + path + " HTTP/1.1\r\n"
                + "Host: " + authority + "\r\n"
                + "Content-Type: application/json\r\n"
                + "Accept: application/json\r\n"
                + "Authorization: " + Http.bearer(Stack.API_TOKEN) + "\r\n"
                + "Connection: close\r\n"
                + framing + "\r\n"
                + "\r\n").getBytes(StandardCharsets.US_ASCII);
    }

    /** The answer: status line, headers, and a body framed by Content-Length, by chunks, or by the end of the connection. */
    private static Http.Reply read(InputStream socketInput) throws IOException {
        InputStream in = new BufferedInputStream(socketInput);
        String status = line(in);
        String[] parts = status.split(" ", 3);
        if (parts.length < 2 || !parts[0].startsWith("HTTP/")) {
            throw new IOException("Not an HTTP answer: " + status);
        }
        Map<String, String> headers = new HashMap<>();
        for (String header = line(in); !header.isEmpty(); header = line(in)) {
            int colon = header.indexOf(':');
            if (colon > 0) {
                headers.put(header.substring(0, colon).trim().toLowerCase(Locale.ROOT), header.substring(colon + 1).trim());
            }
        }
        byte[] body;
        if (headers.containsKey("content-length")) {
            body = in.readNBytes(Integer.parseInt(headers.get("content-length")));
        } else if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            ByteArrayOutputStream chunks = new ByteArrayOutputStream();
            for (int size = chunkSize(line(in)); size > 0; size = chunkSize(line(in))) {
                chunks.write(in.readNBytes(size));
                line(in);
            }
            body = chunks.toByteArray();
        } else {
            body = in.readAllBytes();
        }
        return new Http.Reply(Integer.parseInt(parts[1]), headers.getOrDefault("content-type", ""),
                new String(body, StandardCharsets.UTF_8));
    }

    private static int chunkSize(String line) {
        int extension = line.indexOf(';');
        return Integer.parseInt((extension < 0 ? line : line.substring(0, extension)).trim(), 16);
    }

    /** One header line, without its CRLF. */
    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                throw new IOException("Connection closed in the middle of the answer's head");
            }
            if (b != '\r') {
                line.write(b);
            }
        }
        return line.toString(StandardCharsets.US_ASCII);
    }
}
