package io.cioconnect.adapter.http;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.MDC;

/**
 * Gives every request an id: the caller's {@code X-Request-Id} when it is 1-64 safe characters (letters,
 * digits, {@code - _ . : + / =}), else a new random one. The id goes back on the response and sits in the
 * logging context (MDC, key {@value #LOG_KEY}) while the request is handled, so every line logged for it
 * carries it, and is removed afterwards: Jetty's threads serve other requests next.
 */
public final class RequestIds implements Filter {

    public static final String HEADER = "X-Request-Id";
    /** The Elastic Common Schema's name for it, which the JSON log lines use as is. */
    public static final String LOG_KEY = "http.request.id";
    static final int MAX_LENGTH = 64;

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String id = acceptedOrNew(((HttpServletRequest) request).getHeader(HEADER));
        ((HttpServletResponse) response).setHeader(HEADER, id);
        MDC.put(LOG_KEY, id);
        try {
            chain.doFilter(request, response);
        } finally {
            MDC.remove(LOG_KEY);
        }
    }

    static String acceptedOrNew(String given) {
        return isSafe(given) ? given : generate();
    }

    /** A plain loop, not a regex: this runs on every request. */
    static boolean isSafe(String id) {
        if (id == null || id.isEmpty() || id.length() > MAX_LENGTH) {
            return false;
        }
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            boolean safe = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '_' || c == '.' || c == ':' || c == '+' || c == '/' || c == '=';
            if (!safe) {
                return false;
            }
        }
        return true;
    }

    /** 128 random bits as 32 hex digits. Not a secret, so no SecureRandom on the request path. */
    static String generate() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        char[] id = new char[32];
        long high = random.nextLong();
        long low = random.nextLong();
        for (int i = 0; i < 16; i++) {
            id[15 - i] = HEX[(int) (high >>> (4 * i)) & 0xF];
            id[31 - i] = HEX[(int) (low >>> (4 * i)) & 0xF];
        }
        return new String(id);
    }
}
