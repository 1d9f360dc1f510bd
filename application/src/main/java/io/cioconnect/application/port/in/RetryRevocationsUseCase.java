package io.cioconnect.application.port.in;

/** Use case (background): send the revocations that are due to their providers. */
public interface RetryRevocationsUseCase {

    /** Returns how many revocations were attempted. */
    int retryDue();
}
