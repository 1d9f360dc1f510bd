package io.cioconnect.bootstrap.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.core.spi.ContextAwareBase;
import io.cioconnect.bootstrap.config.LogFormat;
import java.util.List;

/**
 * The logging until the configuration is read (then {@link Logging#configure} switches to LOG_FORMAT and
 * LOG_LEVEL): text through the redactor, libraries at WARN. Logback finds it through {@code META-INF/services};
 * set up in code rather than in logback.xml, it spares every start an XML parser (a tenth of a second).
 */
public final class StartupLogging extends ContextAwareBase implements Configurator {

    static final List<String> QUIET_LIBRARIES = List.of("org.eclipse.jetty", "io.javalin", "com.zaxxer.hikari",
            "org.flywaydb", "io.zonky");

    @Override
    public ExecutionStatus configure(LoggerContext context) {
        Logging.configure(context, LogFormat.TEXT, org.slf4j.event.Level.INFO);
        QUIET_LIBRARIES.forEach(name -> context.getLogger(name).setLevel(Level.WARN));
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }
}
