package io.cioconnect.adapter.persistence;

import io.cioconnect.domain.ConnectionId;
import io.cioconnect.domain.WebhookEvent;
import io.cioconnect.domain.WebhookEventStatus;
import io.cioconnect.domain.WebhookEventType;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Locale;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;

/** The rows of {@code webhook_events}: the insert that joins a connection's transaction, and the one row mapper. */
final class WebhookEventRows {

    static final RowMapper<WebhookEvent> MAPPER = WebhookEventRows::map;

    private WebhookEventRows() {
    }

    /** Puts {@code event} in the outbox on {@code handle}, inside the caller's transaction. */
    static void insert(Handle handle, WebhookEvent event) {
        handle.createUpdate("""
                        INSERT INTO webhook_events (id, type, connection_id, body, status, attempts, created_at,
                            next_attempt_at, give_up_at, last_error, delivered_at)
                        VALUES (:id, :type, :connectionId, :body, :status, :attempts, :createdAt, :nextAttemptAt,
                            :giveUpAt, :lastError, :deliveredAt)""")
                .bind("id", event.id())
                .bind("type", event.type().wireName())
                .bind("connectionId", event.connectionId().value())
                .bind("body", event.body())
                .bind("status", event.status().wireName())
                .bind("attempts", event.attempts())
                .bind("createdAt", event.createdAt())
                .bind("nextAttemptAt", event.nextAttemptAt())
                .bind("giveUpAt", event.giveUpAt())
                .bind("lastError", event.lastError())
                .bind("deliveredAt", event.deliveredAt())
                .execute();
    }

    private static WebhookEvent map(ResultSet rs, StatementContext ctx) throws SQLException {
        return new WebhookEvent(rs.getObject("id", UUID.class),
                WebhookEventType.fromWireName(rs.getString("type")),
                new ConnectionId(rs.getObject("connection_id", UUID.class)),
                rs.getString("body"),
                WebhookEventStatus.valueOf(rs.getString("status").toUpperCase(Locale.ROOT)),
                rs.getInt("attempts"),
                ResultSets.instant(rs, "created_at"),
                ResultSets.instant(rs, "next_attempt_at"),
                ResultSets.instant(rs, "give_up_at"),
                rs.getString("last_error"),
                ResultSets.instant(rs, "delivered_at"));
    }
}
