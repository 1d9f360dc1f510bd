package io.cioconnect.bootstrap.config;

/** {@code LOG_FORMAT}: human-readable lines or one JSON object per line. */
public enum LogFormat {
    TEXT, JSON
}
