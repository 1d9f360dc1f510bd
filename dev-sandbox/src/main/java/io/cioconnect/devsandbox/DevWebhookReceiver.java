package io.cioconnect.devsandbox;

import static io.javalin.apibuilder.ApiBuilder.get;
import static io.javalin.apibuilder.ApiBuilder.post;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.apibuilder.EndpointGroup;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.ArrayDeque;
import java.util.Base64;
import java.util.Deque;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The webhook receiver {@code dev} runs for itself when no {@code WEBHOOK_URL} is set, so a newcomer sees
 * webhooks arrive: {@code POST /dev/webhooks} checks the signature as a host would (Standard Webhooks, with the
 * secret {@code dev} made up) and keeps the last {@value #KEPT} events; {@code GET /dev/webhooks} lists them,
 * newest first, for the console.
 */
public final class DevWebhookReceiver implements EndpointGroup {

    public static final String PATH = "/dev/webhooks";
    static final int KEPT = 50;

    private final ObjectMapper mapper = new ObjectMapper();
    private final byte[] key;
    private final Deque<ObjectNode> received = new ArrayDeque<>();

    /** @param secret the {@code whsec_...} secret the service signs with */
    public DevWebhookReceiver(String secret) {
        this.key = Base64.getDecoder().decode(secret.substring("whsec_".length()));
    }

    @Override
    public void addEndpoints() {
        post(PATH, this::receive);
        get(PATH, this::list);
    }

    private void receive(Context ctx) {
        String id = ctx.header("webhook-id");
        String timestamp = ctx.header("webhook-timestamp");
        String signatures = ctx.header("webhook-signature");
        String body = ctx.body();
        if (id == null || timestamp == null || signatures == null || !verified(id, timestamp, body, signatures)) {
            ctx.status(HttpStatus.UNAUTHORIZED);
            return;
        }
        ObjectNode entry = mapper.createObjectNode().put("webhook_id", id).put("verified", true);
        try {
            JsonNode event = mapper.readTree(body);
            entry.set("type", event.get("type"));
            entry.set("timestamp", event.get("timestamp"));
            entry.set("data", event.get("data"));
        } catch (IOException e) {
            ctx.status(HttpStatus.BAD_REQUEST);
            return;
        }
        synchronized (received) {
            received.addFirst(entry);
            while (received.size() > KEPT) {
                received.removeLast();
            }
        }
        ctx.status(HttpStatus.NO_CONTENT);
    }

    private void list(Context ctx) {
        ArrayNode events = mapper.createArrayNode();
        synchronized (received) {
            received.forEach(events::add);
        }
        ctx.header("Cache-Control", "no-store");
        ctx.json(mapper.createObjectNode().set("webhooks", events));
    }

    /** One of the space-separated {@code v1,} signatures must be ours; compared in constant time. */
    private boolean verified(String id, String timestamp, String body, String signatures) {
        byte[] expected;
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            expected = mac.doFinal((id + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
        for (String signature : signatures.split(" ")) {
            if (signature.startsWith("v1,") && MessageDigest.isEqual(expected, decode(signature.substring(3)))) {
                return true;
            }
        }
        return false;
    }

    private static byte[] decode(String base64) {
        try {
            return Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            return new byte[0];
        }
    }
}
