-- Every change to a stored connection is announced on the channel cio_connection_changed when its transaction
-- commits, with the connection's id as the payload ('*' for a TRUNCATE: all of them). Instances that keep
-- decrypted tokens in memory for access-token (ConnectionChangeListener) LISTEN on it and drop their copy.
-- A trigger, and not the statements, sends it, so no write can forget to: refreshes, reconnections, status
-- changes, deletions, re-encryption, lease claims and any change made by hand in psql. Inserts need none:
-- nothing is cached for an id that was not stored yet.
CREATE FUNCTION notify_connection_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'TRUNCATE' THEN
        PERFORM pg_notify('cio_connection_changed', '*');
    ELSE
        PERFORM pg_notify('cio_connection_changed', OLD.id::text);
    END IF;
    RETURN NULL;
END;
$$;

CREATE TRIGGER connections_changed AFTER UPDATE OR DELETE ON connections
    FOR EACH ROW EXECUTE FUNCTION notify_connection_changed();

CREATE TRIGGER connections_truncated AFTER TRUNCATE ON connections
    FOR EACH STATEMENT EXECUTE FUNCTION notify_connection_changed();
