package io.cioconnect.bootstrap.logging;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.core.ConsoleAppender;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class StartupLoggingTest {

    @Test
    void beforeTheConfigurationIsReadLinesAreRedactedTextAndLibrariesSayOnlyWarnings() {
        LoggerContext context = new LoggerContext();
        StartupLogging startup = new StartupLogging();
        startup.setContext(context);

        assertThat(startup.configure(context)).isEqualTo(Configurator.ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY);
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        assertThat(root.getLevel()).isEqualTo(Level.INFO);
        ConsoleAppender<?> console = (ConsoleAppender<?>) root.getAppender("console");
        assertThat(((PatternLayoutEncoder) console.getEncoder()).getPattern()).isEqualTo(Logging.TEXT_PATTERN)
                .contains("%redactedMessage", "%redactedException").doesNotContain("%msg");
        for (String library : StartupLogging.QUIET_LIBRARIES) {
            assertThat(context.getLogger(library + ".Anything").getEffectiveLevel()).as(library).isEqualTo(Level.WARN);
        }
    }

    @Test
    void logbackFindsItWithoutAnyXmlFile() {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();

        assertThat(Thread.currentThread().getContextClassLoader().getResource("logback.xml")).isNull();
        assertThat(context.getLogger("org.eclipse.jetty.server.Server").getEffectiveLevel()).isEqualTo(Level.WARN);
    }
}
