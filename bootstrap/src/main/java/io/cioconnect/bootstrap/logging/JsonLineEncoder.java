package io.cioconnect.bootstrap.logging;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.encoder.EncoderBase;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;

/**
 * One JSON object per log line ({@code LOG_FORMAT=json}) with the field names of the Elastic Common Schema:
 * {@code @timestamp}, {@code log.level}, {@code log.logger}, {@code process.thread.name}, {@code message},
 * the logging context (such as {@code http.request.id}), and for an exception {@code error.type},
 * {@code error.message} and {@code error.stack_trace}. Everything textual goes through the {@link Redactor}.
 */
public final class JsonLineEncoder extends EncoderBase<ILoggingEvent> {

    @Override
    public byte[] headerBytes() {
        return new byte[0];
    }

    @Override
    public byte[] encode(ILoggingEvent event) {
        StringBuilder json = new StringBuilder(256).append('{');
        field(json, "@timestamp", Instant.ofEpochMilli(event.getTimeStamp()).toString()).append(',');
        field(json, "log.level", event.getLevel().toString()).append(',');
        field(json, "log.logger", event.getLoggerName()).append(',');
        field(json, "process.thread.name", event.getThreadName()).append(',');
        field(json, "message", Redactor.redact(event.getFormattedMessage()));
        for (Map.Entry<String, String> entry : event.getMDCPropertyMap().entrySet()) {
            json.append(',');
            field(json, entry.getKey(), Redactor.redact(entry.getValue()));
        }
        IThrowableProxy error = event.getThrowableProxy();
        if (error != null) {
            json.append(',');
            field(json, "error.type", error.getClassName()).append(',');
            field(json, "error.message", Redactor.redact(error.getMessage())).append(',');
            field(json, "error.stack_trace", Redactor.redact(ThrowableProxyUtil.asString(error)));
        }
        return json.append("}\n").toString().getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public byte[] footerBytes() {
        return new byte[0];
    }

    private static StringBuilder field(StringBuilder json, String name, String value) {
        return quote(json, name).append(':').append(value == null ? "null" : quote(new StringBuilder(), value));
    }

    private static StringBuilder quote(StringBuilder out, String text) {
        out.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"');
    }
}
