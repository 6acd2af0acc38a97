package bookstore.gateway;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Sends a request line exactly as written. HTTP client libraries normalise {@code ..} and re-encode {@code %}, which
 * would hide precisely the tricks a path-traversal test needs to send.
 */
final class RawHttp {

    record Response(int status, String headers, String body) {

        String contentType() {
            return header("content-type");
        }

        String header(String name) {
            String prefix = name.toLowerCase(Locale.ROOT) + ":";
            return headers.lines()
                    .filter(line -> line.toLowerCase(Locale.ROOT).startsWith(prefix))
                    .map(line -> line.substring(prefix.length()).trim())
                    .findFirst()
                    .orElse("");
        }
    }

    private RawHttp() {}

    static Response get(int port, String rawTarget) throws IOException {
        return get(port, rawTarget, "");
    }

    /** Sends a GET with extra header lines, each ending in CRLF, exactly as given. */
    static Response get(int port, String rawTarget, String extraHeaderLines) throws IOException {
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + rawTarget + " HTTP/1.1\r\nHost: localhost:" + port + "\r\n" + extraHeaderLines
                            + "Connection: close\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            String raw = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            int endOfHeaders = raw.indexOf("\r\n\r\n");
            String head = endOfHeaders < 0 ? raw : raw.substring(0, endOfHeaders);
            String body = endOfHeaders < 0 ? "" : raw.substring(endOfHeaders + 4);
            int status = Integer.parseInt(head.split(" ", 3)[1]);
            return new Response(status, head, body);
        }
    }
}
