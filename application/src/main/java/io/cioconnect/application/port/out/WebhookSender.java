package io.cioconnect.application.port.out;

import io.cioconnect.domain.WebhookEvent;

/** Out-port: sends one webhook event to the host's receiver, signed, within a deadline. */
public interface WebhookSender {

    /** One attempt: delivered on a 2xx, otherwise not, with a few words on why (never the receiver's body). */
    Attempt send(WebhookEvent event);

    /** The outcome of one attempt. */
    record Attempt(boolean delivered, String detail) {

        public static Attempt delivered(int status) {
            return new Attempt(true, "HTTP " + status);
        }

        public static Attempt failed(String detail) {
            return new Attempt(false, detail);
        }
    }
}
