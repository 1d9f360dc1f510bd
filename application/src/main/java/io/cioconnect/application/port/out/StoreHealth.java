package io.cioconnect.application.port.out;

/** Out-port: tells whether the store answers right now. */
public interface StoreHealth {

    boolean isAvailable();
}
