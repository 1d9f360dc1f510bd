package io.cioconnect.application.service;

import io.cioconnect.application.port.out.ConnectSessionStore;
import io.cioconnect.domain.ConnectSession;
import io.cioconnect.domain.ConnectTicket;
import io.cioconnect.domain.DomainException;
import io.cioconnect.domain.ErrorCode;
import io.cioconnect.domain.ProviderId;
import java.time.Instant;

/** Redeems the ticket of a {@code connect_url}, the first step of every connect flow, OAuth or API key. */
final class ConnectTickets {

    private ConnectTickets() {
    }

    /**
     * Consumes the session behind {@code ticket} if it was made for {@code provider}. The ticket is spent
     * before anything else, even if what follows fails, so a link works exactly once.
     */
    static ConnectSession redeem(ConnectSessionStore sessions, ConnectTicket ticket, ProviderId provider, Instant now) {
        return sessions.consume(ticket.hash(), now)
                .filter(session -> session.provider().equals(provider))
                .orElseThrow(ConnectTickets::unusable);
    }

    static DomainException unusable() {
        return new DomainException(ErrorCode.NOT_FOUND, "This connect link is invalid, has expired or was already used.");
    }
}
