package io.cioconnect.bootstrap.logging;

import ch.qos.logback.classic.pattern.ClassicConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import io.cioconnect.adapter.http.RequestIds;

/** {@code %requestId}: {@code " request=<id>"} on the lines logged while a request is handled, nothing on others. */
public final class RequestIdConverter extends ClassicConverter {

    @Override
    public String convert(ILoggingEvent event) {
        String id = event.getMDCPropertyMap().get(RequestIds.LOG_KEY);
        return id == null ? "" : " request=" + id;
    }
}
