package io.cioconnect.bootstrap.badinput;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * HTTP/1.1 over a plain loopback socket, so a test can send what no well-behaved client would: any bytes in
 * the request line, headers given twice or with control characters, bodies that are not what they claim.
 * Bodies always have a correct {@code Content-Length}, so the server never waits for bytes that will not come.
 */
final class RawHttp {

    private static final int TIMEOUT_MILLIS = 10_000;
    private static final int MAX_RESPONSE_BYTES = 4 * 1024 * 1024;

    private RawHttp() {
    }

    /** One header; name and value are sent as UTF-8 bytes, unchecked. */
    record Header(String name, String value) {
    }

    /** A request exactly as it will be written on the wire; {@code mustNotEcho}: values it sends that no answer may repeat. */
    record Request(String method, String target, List<Header> headers, byte[] body, List<String> mustNotEcho) {

        Request(String method, String target, List<Header> headers, byte[] body) {
            this(method, target, headers, body, List.of());
        }

        byte[] bytes() {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            StringBuilder head = new StringBuilder(method).append(' ').append(target).append(" HTTP/1.1\r\n")
                    .append("Host: 127.0.0.1\r\nConnection: close\r\n");
            headers.forEach(h -> head.append(h.name()).append(": ").append(h.value()).append("\r\n"));
            if (body != null) {
                head.append("Content-Length: ").append(body.length).append("\r\n");
            }
            out.writeBytes(head.append("\r\n").toString().getBytes(StandardCharsets.UTF_8));
            if (body != null) {
                out.writeBytes(body);
            }
            return out.toByteArray();
        }

        /** The path part of the target, before any query, as sent. */
        String path() {
            int query = target.indexOf('?');
            return query < 0 ? target : target.substring(0, query);
        }

        /** Printable and short enough for a failure message. */
        String describe() {
            return Printable.of(new String(bytes(), StandardCharsets.UTF_8), 1500);
        }
    }

    /** A response: status, the raw head (status line and headers), and the body with transfer coding removed. */
    record Response(int status, String head, byte[] body) {

        Optional<String> header(String name) {
            String prefix = name.toLowerCase(Locale.ROOT) + ":";
            return head.lines().filter(line -> line.toLowerCase(Locale.ROOT).startsWith(prefix))
                    .map(line -> line.substring(prefix.length()).trim()).findFirst();
        }

        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        /** Head and body together: everything a client would see. */
        String everything() {
            return head + "\r\n" + text();
        }
    }

    static Response send(int port, Request request) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(TIMEOUT_MILLIS);
            socket.getOutputStream().write(request.bytes());
            socket.getOutputStream().flush();
            InputStream in = socket.getInputStream();
            while (true) {
                String head = readHead(in);
                int status = Integer.parseInt(head.substring(9, 12));
                if (status >= 100 && status < 200) {
                    continue; // 100 Continue and friends: the real answer follows
                }
                Response headOnly = new Response(status, head, new byte[0]);
                boolean noBody = request.method().equals("HEAD") || status == 204 || status == 304;
                return new Response(status, head, noBody ? new byte[0] : readBody(in, headOnly));
            }
        } catch (SocketTimeoutException e) {
            throw new IOException("no complete answer within " + TIMEOUT_MILLIS + " ms", e);
        }
    }

    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        while (matched < 4) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("connection closed before a complete response head: "
                        + Printable.of(head.toString(StandardCharsets.ISO_8859_1), 300));
            }
            head.write(b);
            matched = (b == (matched % 2 == 0 ? '\r' : '\n')) ? matched + 1 : (b == '\r' ? 1 : 0);
        }
        return head.toString(StandardCharsets.ISO_8859_1).strip();
    }

    private static byte[] readBody(InputStream in, Response head) throws IOException {
        if (head.header("Transfer-Encoding").map(v -> v.equalsIgnoreCase("chunked")).orElse(false)) {
            return readChunked(in);
        }
        Optional<String> length = head.header("Content-Length");
        if (length.isPresent()) {
            return in.readNBytes(Integer.parseInt(length.get()));
        }
        return in.readNBytes(MAX_RESPONSE_BYTES);
    }

    private static byte[] readChunked(InputStream in) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        while (true) {
            String sizeLine = readLine(in);
            int size = Integer.parseInt(sizeLine.split(";", 2)[0].trim(), 16);
            if (size == 0) {
                return body.toByteArray();
            }
            body.writeBytes(in.readNBytes(size));
            readLine(in);
        }
    }

    private static String readLine(InputStream in) throws IOException {
        List<Byte> line = new ArrayList<>();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                throw new IOException("connection closed inside a chunked body");
            }
            if (b != '\r') {
                line.add((byte) b);
            }
        }
        byte[] bytes = new byte[line.size()];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = line.get(i);
        }
        return new String(bytes, StandardCharsets.ISO_8859_1);
    }
}
