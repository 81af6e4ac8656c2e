-- CallCenter: tables, functions and query texts for the Orleans 10.4.2 ADO.NET providers (clustering, grain
-- storage, reminders) on PostgreSQL 15+. Written by the CallCenter team from docs/orleans-adonet-contract.md.
-- Idempotent: the migrator (`dotnet run --project src/CallCenter.Host -- migrate`) may run it any number of times.

CREATE TABLE IF NOT EXISTS orleansquery (
    querykey  text PRIMARY KEY,
    querytext text NOT NULL
);

-- Clustering -----------------------------------------------------------------------------------------------

CREATE TABLE IF NOT EXISTS cc_membership_version (
    deployment_id text        PRIMARY KEY,
    version       integer     NOT NULL DEFAULT 0 CHECK (version >= 0),
    changed_at    timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE IF NOT EXISTS cc_membership (
    deployment_id   text        NOT NULL REFERENCES cc_membership_version (deployment_id),
    address         text        NOT NULL,
    port            integer     NOT NULL,
    generation      integer     NOT NULL,
    silo_name       text        NOT NULL,
    host_name       text        NOT NULL,
    status          integer     NOT NULL,
    proxy_port      integer     NOT NULL,
    suspect_times   text        NULL,
    start_time      timestamptz NOT NULL,
    i_am_alive_time timestamptz NOT NULL,
    PRIMARY KEY (deployment_id, address, port, generation)
);

-- Bumps the table version and inserts the silo's row, or changes nothing and answers false.
CREATE OR REPLACE FUNCTION cc_membership_insert(
    p_deployment text, p_address text, p_port integer, p_generation integer, p_silo_name text, p_host_name text,
    p_status integer, p_proxy_port integer, p_start timestamptz, p_alive timestamptz, p_version integer)
RETURNS boolean LANGUAGE plpgsql AS $fn$
BEGIN
    BEGIN
        UPDATE cc_membership_version SET version = version + 1, changed_at = now()
         WHERE deployment_id = p_deployment AND version = p_version;
        IF NOT FOUND THEN
            RETURN false;
        END IF;
        INSERT INTO cc_membership (deployment_id, address, port, generation, silo_name, host_name, status, proxy_port,
                                   suspect_times, start_time, i_am_alive_time)
        VALUES (p_deployment, p_address, p_port, p_generation, p_silo_name, p_host_name, p_status, p_proxy_port,
                NULL, p_start, p_alive);
        RETURN true;
    EXCEPTION WHEN unique_violation THEN
        -- leaving the block rolls back the version bump too
        RETURN false;
    END;
END;
$fn$;

-- Bumps the table version and updates the silo's row, or changes nothing and answers false.
CREATE OR REPLACE FUNCTION cc_membership_update(
    p_deployment text, p_address text, p_port integer, p_generation integer, p_status integer, p_suspects text,
    p_alive timestamptz, p_version integer)
RETURNS boolean LANGUAGE plpgsql AS $fn$
BEGIN
    BEGIN
        UPDATE cc_membership_version SET version = version + 1, changed_at = now()
         WHERE deployment_id = p_deployment AND version = p_version;
        IF NOT FOUND THEN
            RETURN false;
        END IF;
        UPDATE cc_membership SET status = p_status, suspect_times = p_suspects, i_am_alive_time = p_alive
         WHERE deployment_id = p_deployment AND address = p_address AND port = p_port AND generation = p_generation;
        IF NOT FOUND THEN
            RAISE EXCEPTION 'no such member' USING ERRCODE = 'no_data_found';
        END IF;
        RETURN true;
    EXCEPTION WHEN no_data_found THEN
        RETURN false;
    END;
END;
$fn$;

-- Grain state ----------------------------------------------------------------------------------------------

CREATE TABLE IF NOT EXISTS cc_grain_state (
    service_id         text        NOT NULL,
    grain_type_string  text        NOT NULL,
    grain_type_hash    integer     NOT NULL,
    grain_id_hash      integer     NOT NULL,
    grain_id_n0        bigint      NOT NULL,
    grain_id_n1        bigint      NOT NULL,
    grain_id_extension text        NULL,
    payload            bytea       NULL,
    version            integer     NOT NULL CHECK (version >= 1),
    modified_at        timestamptz NOT NULL DEFAULT now()
);

-- One record per identity; md5 keeps long string keys inside the b-tree limit, NULLS NOT DISTINCT makes two
-- NULL extensions collide as they must.
CREATE UNIQUE INDEX IF NOT EXISTS cc_grain_state_identity
    ON cc_grain_state (service_id, grain_type_string, grain_id_n0, grain_id_n1, md5(grain_id_extension)) NULLS NOT DISTINCT;
CREATE INDEX IF NOT EXISTS cc_grain_state_lookup ON cc_grain_state (grain_id_hash, grain_type_hash);

-- Reminders ------------------------------------------------------------------------------------------------

CREATE TABLE IF NOT EXISTS cc_reminders (
    service_id    text        NOT NULL,
    grain_id      text        NOT NULL,
    reminder_name text        NOT NULL,
    start_time    timestamptz NOT NULL,
    period        bigint      NOT NULL,
    grain_hash    integer     NOT NULL,
    version       integer     NOT NULL,
    PRIMARY KEY (service_id, grain_id, reminder_name)
);
CREATE INDEX IF NOT EXISTS cc_reminders_by_hash ON cc_reminders (service_id, grain_hash);

-- Query texts ----------------------------------------------------------------------------------------------

INSERT INTO orleansquery (querykey, querytext) VALUES
('InsertMembershipVersionKey', $q$
WITH created AS (
    INSERT INTO cc_membership_version (deployment_id, version) VALUES (@DeploymentId, 0)
    ON CONFLICT (deployment_id) DO NOTHING
    RETURNING 1)
SELECT EXISTS (SELECT 1 FROM created);
$q$),
('InsertMembershipKey', $q$
SELECT cc_membership_insert(@DeploymentId, @Address, @Port, @Generation, @SiloName, @HostName, @Status, @ProxyPort,
                            @StartTime, @IAmAliveTime, @Version);
$q$),
('UpdateMembershipKey', $q$
SELECT cc_membership_update(@DeploymentId, @Address, @Port, @Generation, @Status, @SuspectTimes, @IAmAliveTime, @Version);
$q$),
('UpdateIAmAlivetimeKey', $q$
UPDATE cc_membership SET i_am_alive_time = @IAmAliveTime
 WHERE deployment_id = @DeploymentId AND address = @Address AND port = @Port AND generation = @Generation;
$q$),
('MembershipReadRowKey', $q$
SELECT v.version AS Version, m.address AS Address, m.port AS Port, m.generation AS Generation,
       m.silo_name AS SiloName, m.host_name AS HostName, m.status AS Status, m.proxy_port AS ProxyPort,
       m.suspect_times AS SuspectTimes, m.start_time AS StartTime, m.i_am_alive_time AS IAmAliveTime
  FROM cc_membership_version v
  LEFT JOIN cc_membership m
    ON m.deployment_id = v.deployment_id AND m.address = @Address AND m.port = @Port AND m.generation = @Generation
 WHERE v.deployment_id = @DeploymentId;
$q$),
('MembershipReadAllKey', $q$
SELECT v.version AS Version, m.address AS Address, m.port AS Port, m.generation AS Generation,
       m.silo_name AS SiloName, m.host_name AS HostName, m.status AS Status, m.proxy_port AS ProxyPort,
       m.suspect_times AS SuspectTimes, m.start_time AS StartTime, m.i_am_alive_time AS IAmAliveTime
  FROM cc_membership_version v
  LEFT JOIN cc_membership m ON m.deployment_id = v.deployment_id
 WHERE v.deployment_id = @DeploymentId;
$q$),
('GatewaysQueryKey', $q$
SELECT address AS Address, proxy_port AS ProxyPort, generation AS Generation
  FROM cc_membership
 WHERE deployment_id = @DeploymentId AND status = @Status AND proxy_port > 0;
$q$),
('DeleteMembershipTableEntriesKey', $q$
DELETE FROM cc_membership WHERE deployment_id = @DeploymentId;
DELETE FROM cc_membership_version WHERE deployment_id = @DeploymentId;
$q$),
-- Only Dead (6) rows are removed: the 10.4.2 agent computes its cut-off from dead silos alone.
('CleanupDefunctSiloEntriesKey', $q$
DELETE FROM cc_membership
 WHERE deployment_id = @DeploymentId AND i_am_alive_time < @IAmAliveTime AND status = 6;
$q$),
('ReadFromStorageKey', $q$
SELECT payload AS PayloadBinary, version AS Version
  FROM cc_grain_state
 WHERE grain_id_hash = @GrainIdHash AND grain_type_hash = @GrainTypeHash
   AND service_id = @ServiceId AND grain_type_string = @GrainTypeString
   AND grain_id_n0 = @GrainIdN0 AND grain_id_n1 = @GrainIdN1
   AND grain_id_extension IS NOT DISTINCT FROM @GrainIdExtensionString;
$q$),
('WriteToStorageKey', $q$
WITH inserted AS (
    INSERT INTO cc_grain_state (service_id, grain_type_string, grain_type_hash, grain_id_hash, grain_id_n0, grain_id_n1,
                                grain_id_extension, payload, version)
    SELECT @ServiceId, @GrainTypeString, @GrainTypeHash, @GrainIdHash, @GrainIdN0, @GrainIdN1,
           @GrainIdExtensionString, @PayloadBinary, 1
     WHERE @GrainStateVersion IS NULL
    ON CONFLICT DO NOTHING
    RETURNING version),
updated AS (
    UPDATE cc_grain_state SET payload = @PayloadBinary, version = version + 1, modified_at = now()
     WHERE @GrainStateVersion IS NOT NULL AND version = @GrainStateVersion
       AND grain_id_hash = @GrainIdHash AND grain_type_hash = @GrainTypeHash
       AND service_id = @ServiceId AND grain_type_string = @GrainTypeString
       AND grain_id_n0 = @GrainIdN0 AND grain_id_n1 = @GrainIdN1
       AND grain_id_extension IS NOT DISTINCT FROM @GrainIdExtensionString
    RETURNING version)
SELECT version AS NewGrainStateVersion FROM inserted
UNION ALL
SELECT version FROM updated;
$q$),
('ClearStorageKey', $q$
UPDATE cc_grain_state SET payload = NULL, version = version + 1, modified_at = now()
 WHERE version = @GrainStateVersion
   AND grain_id_hash = @GrainIdHash AND grain_type_hash = @GrainTypeHash
   AND service_id = @ServiceId AND grain_type_string = @GrainTypeString
   AND grain_id_n0 = @GrainIdN0 AND grain_id_n1 = @GrainIdN1
   AND grain_id_extension IS NOT DISTINCT FROM @GrainIdExtensionString
RETURNING version;
$q$),
('DeleteStorageKey', $q$
DELETE FROM cc_grain_state
 WHERE version = @GrainStateVersion
   AND grain_id_hash = @GrainIdHash AND grain_type_hash = @GrainTypeHash
   AND service_id = @ServiceId AND grain_type_string = @GrainTypeString
   AND grain_id_n0 = @GrainIdN0 AND grain_id_n1 = @GrainIdN1
   AND grain_id_extension IS NOT DISTINCT FROM @GrainIdExtensionString
RETURNING version + 1;
$q$),
('ReadReminderRowsKey', $q$
SELECT grain_id AS GrainId, reminder_name AS ReminderName, start_time AS StartTime, period AS Period, version AS Version
  FROM cc_reminders
 WHERE service_id = @ServiceId AND grain_id = @GrainId;
$q$),
('ReadReminderRowKey', $q$
SELECT grain_id AS GrainId, reminder_name AS ReminderName, start_time AS StartTime, period AS Period, version AS Version
  FROM cc_reminders
 WHERE service_id = @ServiceId AND grain_id = @GrainId AND reminder_name = @ReminderName;
$q$),
('ReadRangeRows1Key', $q$
SELECT grain_id AS GrainId, reminder_name AS ReminderName, start_time AS StartTime, period AS Period, version AS Version
  FROM cc_reminders
 WHERE service_id = @ServiceId AND grain_hash > @BeginHash AND grain_hash <= @EndHash;
$q$),
('ReadRangeRows2Key', $q$
SELECT grain_id AS GrainId, reminder_name AS ReminderName, start_time AS StartTime, period AS Period, version AS Version
  FROM cc_reminders
 WHERE service_id = @ServiceId AND (grain_hash > @BeginHash OR grain_hash <= @EndHash);
$q$),
('UpsertReminderRowKey', $q$
INSERT INTO cc_reminders (service_id, grain_id, reminder_name, start_time, period, grain_hash, version)
VALUES (@ServiceId, @GrainId, @ReminderName, @StartTime, @Period, @GrainHash, 1)
ON CONFLICT (service_id, grain_id, reminder_name) DO UPDATE
   SET start_time = excluded.start_time, period = excluded.period, grain_hash = excluded.grain_hash,
       version = cc_reminders.version + 1
RETURNING version AS Version;
$q$),
('DeleteReminderRowKey', $q$
WITH removed AS (
    DELETE FROM cc_reminders
     WHERE service_id = @ServiceId AND grain_id = @GrainId AND reminder_name = @ReminderName AND version = @Version
    RETURNING 1)
SELECT EXISTS (SELECT 1 FROM removed);
$q$),
('DeleteReminderRowsKey', $q$
DELETE FROM cc_reminders WHERE service_id = @ServiceId;
$q$)
ON CONFLICT (querykey) DO UPDATE SET querytext = excluded.querytext;
