package io.cioconnect.application.port.in;

/** Use case: deliver the webhook events that are due (the background job of every instance). */
public interface DeliverWebhooksUseCase {

    /** Claims, sends and settles due events until none is left; returns how many were attempted. */
    int deliverDue();
}
