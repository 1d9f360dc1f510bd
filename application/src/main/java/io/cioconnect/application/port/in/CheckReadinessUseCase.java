package io.cioconnect.application.port.in;

/** Use case: can this instance serve requests right now (is its store answering)? */
public interface CheckReadinessUseCase {

    boolean isReady();
}
