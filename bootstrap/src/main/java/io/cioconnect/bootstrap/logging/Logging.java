package io.cioconnect.bootstrap.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.CoreConstants;
import ch.qos.logback.core.encoder.Encoder;
import io.cioconnect.bootstrap.config.LogFormat;
import java.util.HashMap;
import java.util.Map;
import org.slf4j.LoggerFactory;

/**
 * Switches the log output to the configured {@link LogFormat} and level once the configuration is known.
 * Both formats pass messages and stack traces through the {@link Redactor}, and carry the request id.
 */
public final class Logging {

    /** The text pattern: {@code %redactedMessage} and {@code %redactedException} instead of {@code %msg} and {@code %ex}. */
    static final String TEXT_PATTERN = "%d{yyyy-MM-dd'T'HH:mm:ss.SSSX,UTC} %-5level [%thread]%requestId %logger{36}"
            + " - %redactedMessage%n%redactedException";

    private Logging() {
    }

    public static void configure(LogFormat format, org.slf4j.event.Level level) {
        configure((LoggerContext) LoggerFactory.getILoggerFactory(), format, level);
    }

    static void configure(LoggerContext context, LogFormat format, org.slf4j.event.Level level) {
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.detachAndStopAllAppenders();
        ConsoleAppender<ILoggingEvent> appender = new ConsoleAppender<>();
        appender.setContext(context);
        appender.setName("console");
        appender.setEncoder(format == LogFormat.JSON ? jsonEncoder(context) : textEncoder(context));
        appender.start();
        root.addAppender(appender);
        root.setLevel(Level.toLevel(level.name()));
    }

    private static Encoder<ILoggingEvent> textEncoder(LoggerContext context) {
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        context.putObject(CoreConstants.PATTERN_RULE_REGISTRY, registry(context));
        encoder.setPattern(TEXT_PATTERN);
        encoder.start();
        return encoder;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> registry(LoggerContext context) {
        Object existing = context.getObject(CoreConstants.PATTERN_RULE_REGISTRY);
        Map<String, String> rules = existing instanceof Map<?, ?> map
                ? (Map<String, String>) map : new HashMap<>();
        rules.put("redactedMessage", RedactingMessageConverter.class.getName());
        rules.put("redactedException", RedactingThrowableConverter.class.getName());
        rules.put("requestId", RequestIdConverter.class.getName());
        return rules;
    }

    private static Encoder<ILoggingEvent> jsonEncoder(LoggerContext context) {
        JsonLineEncoder encoder = new JsonLineEncoder();
        encoder.setContext(context);
        encoder.start();
        return encoder;
    }
}
