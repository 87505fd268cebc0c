import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The foundation schema. Migrations run as the schema owner; the application connects as a login
 * role that is a member of `cluster_app`, which may read and write the business tables but only
 * SELECT and INSERT on the append-only tables, and owns nothing (so it cannot drop triggers).
 */
export class Foundation1764230400000 implements MigrationInterface {
  name = 'Foundation1764230400000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      DO $$ BEGIN
        IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'cluster_app') THEN
          CREATE ROLE cluster_app NOLOGIN;
        END IF;
      -- Roles belong to the whole server: a database migrated at the same moment may win the race.
      EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
      END $$`);

    await q.query(`
      CREATE TABLE users (
        id uuid PRIMARY KEY,
        subject text NOT NULL UNIQUE,
        display_name text NOT NULL,
        email text NOT NULL,
        organisation text NOT NULL,
        roles text[] NOT NULL CHECK (cardinality(roles) > 0 AND roles <@ ARRAY['case_handler','approver','council_member','cluster_representative','auditor','admin']),
        council_code text,
        case_id uuid,
        active boolean NOT NULL DEFAULT true,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT council_member_has_council CHECK (NOT ('council_member' = ANY(roles)) OR council_code IS NOT NULL)
      )`);

    await q.query(`
      CREATE TABLE policy_versions (
        version int PRIMARY KEY CHECK (version > 0),
        content jsonb NOT NULL,
        sha256 text NOT NULL,
        created_by text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);

    await q.query(`
      CREATE TABLE cases (
        id uuid PRIMARY KEY,
        workflow_id text NOT NULL UNIQUE,
        cluster_name text NOT NULL,
        domain text NOT NULL,
        lead_actors jsonb NOT NULL,
        partners jsonb NOT NULL,
        account_manager_id uuid NOT NULL REFERENCES users(id),
        stage text NOT NULL CHECK (stage IN ('roadmap_drafting','quality_assessment','advice','decision','test_trajectory','partnership_agreement','structured_dialogue','closed')),
        policy_version int NOT NULL REFERENCES policy_versions(version),
        latest_roadmap_version int,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL
      )`);
    await q.query(`CREATE INDEX cases_stage_idx ON cases (stage, created_at DESC)`);
    await q.query(`CREATE INDEX cases_account_manager_idx ON cases (account_manager_id)`);
    await q.query(`ALTER TABLE users ADD CONSTRAINT users_case_fk FOREIGN KEY (case_id) REFERENCES cases(id)`);

    await q.query(`
      CREATE TABLE roadmap_versions (
        id uuid PRIMARY KEY,
        case_id uuid NOT NULL REFERENCES cases(id),
        version int NOT NULL CHECK (version > 0),
        kind text NOT NULL CHECK (kind IN ('draft')),
        content jsonb NOT NULL,
        sha256 text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
        created_by uuid NOT NULL REFERENCES users(id),
        created_at timestamptz NOT NULL,
        idempotency_key text NOT NULL UNIQUE,
        UNIQUE (case_id, version)
      )`);

    await q.query(`
      CREATE TABLE case_tasks (
        id uuid PRIMARY KEY,
        case_id uuid NOT NULL REFERENCES cases(id),
        kind text NOT NULL,
        assignee_role text NOT NULL,
        assignee_ref text,
        due_at timestamptz,
        status text NOT NULL CHECK (status IN ('open','done','cancelled')),
        created_at timestamptz NOT NULL,
        closed_at timestamptz
      )`);
    // One open task of a kind per case and assignee: a retried activity cannot open it twice.
    await q.query(`
      CREATE UNIQUE INDEX case_tasks_one_open_idx ON case_tasks (case_id, kind, coalesce(assignee_ref, ''))
      WHERE status = 'open'`);
    await q.query(`CREATE INDEX case_tasks_open_due_idx ON case_tasks (status, due_at)`);

    await q.query(`
      CREATE TABLE audit_events (
        id bigserial PRIMARY KEY,
        stream text NOT NULL,
        seq int NOT NULL CHECK (seq > 0),
        case_id uuid REFERENCES cases(id),
        occurred_at timestamptz NOT NULL,
        actor_id text NOT NULL,
        actor_name text NOT NULL,
        actor_role text NOT NULL,
        organisation text NOT NULL,
        action text NOT NULL,
        reason text,
        payload jsonb NOT NULL,
        document_hashes jsonb NOT NULL DEFAULT '[]',
        request_id text,
        workflow_id text,
        idempotency_key text UNIQUE,
        prev_hash text NOT NULL CHECK (prev_hash ~ '^[0-9a-f]{64}$'),
        hash text NOT NULL CHECK (hash ~ '^[0-9a-f]{64}$'),
        UNIQUE (stream, seq)
      )`);
    await q.query(`CREATE INDEX audit_events_case_idx ON audit_events (case_id, seq)`);
    await q.query(`CREATE INDEX audit_events_time_idx ON audit_events (occurred_at)`);

    // Append-only, enforced by the database whoever the client is.
    await q.query(`
      CREATE FUNCTION reject_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'table % is append-only: % is not allowed', TG_TABLE_NAME, TG_OP
          USING ERRCODE = 'insufficient_privilege';
      END $$`);
    for (const table of ['audit_events', 'roadmap_versions', 'policy_versions']) {
      await q.query(`
        CREATE TRIGGER ${table}_append_only BEFORE UPDATE OR DELETE ON ${table}
        FOR EACH ROW EXECUTE FUNCTION reject_change()`);
      await q.query(`
        CREATE TRIGGER ${table}_no_truncate BEFORE TRUNCATE ON ${table}
        FOR EACH STATEMENT EXECUTE FUNCTION reject_change()`);
    }

    await q.query(`REVOKE ALL ON ALL TABLES IN SCHEMA public FROM cluster_app`);
    await q.query(`GRANT USAGE ON SCHEMA public TO cluster_app`);
    await q.query(`GRANT SELECT, INSERT, UPDATE ON users, cases, case_tasks TO cluster_app`);
    await q.query(`GRANT SELECT, INSERT ON audit_events, roadmap_versions, policy_versions TO cluster_app`);
    await q.query(`GRANT USAGE ON SEQUENCE audit_events_id_seq TO cluster_app`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE users DROP CONSTRAINT IF EXISTS users_case_fk`);
    for (const table of ['audit_events', 'case_tasks', 'roadmap_versions', 'cases', 'policy_versions', 'users']) {
      await q.query(`DROP TABLE IF EXISTS ${table}`);
    }
    await q.query(`DROP FUNCTION IF EXISTS reject_change()`);
  }
}
