package io.cioconnect.bootstrap.logging;

import ch.qos.logback.classic.pattern.ThrowableProxyConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;

/** {@code %redactedException}: the stack trace with its causes, passed through the {@link Redactor} like messages. */
public final class RedactingThrowableConverter extends ThrowableProxyConverter {

    @Override
    public String convert(ILoggingEvent event) {
        String trace = super.convert(event);
        return trace.isEmpty() ? trace : Redactor.redact(trace);
    }
}
