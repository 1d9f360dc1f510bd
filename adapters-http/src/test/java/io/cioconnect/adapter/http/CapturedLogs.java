package io.cioconnect.adapter.http;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.AppenderBase;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.LoggerFactory;

/** Every log line written while it is open, to check what reached the logs (and what must not). */
final class CapturedLogs implements AutoCloseable {

    /** Written by the server's threads while a test reads it. */
    private final List<ILoggingEvent> events = new CopyOnWriteArrayList<>();
    private final AppenderBase<ILoggingEvent> appender = new AppenderBase<>() {
        @Override
        protected void append(ILoggingEvent event) {
            event.prepareForDeferredProcessing(); // takes the logging context (MDC) of the thread that logged it
            events.add(event);
        }
    };
    private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);

    private CapturedLogs() {
        appender.start();
        root.addAppender(appender);
    }

    static CapturedLogs start() {
        return new CapturedLogs();
    }

    /** The request log's lines. */
    List<String> requestLines() {
        return requestEvents().stream().map(ILoggingEvent::getFormattedMessage).toList();
    }

    /** The request log's events, with the logging context each was written in. */
    List<ILoggingEvent> requestEvents() {
        return events.stream().filter(e -> e.getLoggerName().equals("io.cioconnect.http.request")).toList();
    }

    /** Every line, with the stack trace of any exception logged with it. */
    List<String> allLines() {
        return events.stream().map(e -> e.getFormattedMessage()
                + (e.getThrowableProxy() == null ? "" : ThrowableProxyUtil.asString(e.getThrowableProxy()))).toList();
    }

    @Override
    public void close() {
        root.detachAppender(appender);
    }
}
