package io.cioconnect.adapter.http;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import org.slf4j.LoggerFactory;

/** Every log line written while it is open, to check what reached the logs (and what must not). */
final class CapturedLogs implements AutoCloseable {

    private final ListAppender<ILoggingEvent> appender = new ListAppender<>() {
        @Override
        protected void append(ILoggingEvent event) {
            event.prepareForDeferredProcessing(); // takes the logging context (MDC) of the thread that logged it
            super.append(event);
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
        return appender.list.stream().filter(e -> e.getLoggerName().equals("io.cioconnect.http.request"))
                .map(ILoggingEvent::getFormattedMessage).toList();
    }

    /** The request log's events, with the logging context each was written in. */
    List<ILoggingEvent> requestEvents() {
        return appender.list.stream().filter(e -> e.getLoggerName().equals("io.cioconnect.http.request")).toList();
    }

    /** Every line, with the stack trace of any exception logged with it. */
    List<String> allLines() {
        return appender.list.stream().map(e -> e.getFormattedMessage()
                + (e.getThrowableProxy() == null ? "" : ThrowableProxyUtil.asString(e.getThrowableProxy()))).toList();
    }

    @Override
    public void close() {
        root.detachAppender(appender);
    }
}
