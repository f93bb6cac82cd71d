CREATE TABLE probe.pings (
    id         uuid PRIMARY KEY,
    payload    text        NOT NULL,
    created_at timestamptz NOT NULL
);

-- One row per time a consumer applied a PingRecorded: exactly-once shows as one row per ping.
CREATE TABLE probe.ping_effects (
    id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    ping_id    uuid        NOT NULL,
    applied_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX ping_effects_ping_id ON probe.ping_effects (ping_id);

CREATE TABLE probe.counter_states (
    correlation_id uuid PRIMARY KEY,
    current_state  text    NOT NULL,
    count          integer NOT NULL,
    target         integer NOT NULL
);

CREATE TABLE probe.counter_reached (
    counter_id uuid PRIMARY KEY,
    count      integer NOT NULL
);
