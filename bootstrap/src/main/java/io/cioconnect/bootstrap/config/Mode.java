package io.cioconnect.bootstrap.config;

/** The command being run decides which settings are required and what their defaults are. */
public enum Mode {
    /** Local try-out: everything defaulted or generated. */
    DEV,
    /** Production: secrets and the public URL must be given. */
    SERVE,
    /** Only the database is needed. */
    MIGRATE,
    /** The database and the encryption keys are needed. */
    REKEY
}
