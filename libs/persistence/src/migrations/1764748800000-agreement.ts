import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Partnership agreement versions (content frozen by SHA-256) and the parties' signatures on a
 * version's hash. A new version voids the signatures given on the one before.
 */
export class Agreement1764748800000 implements MigrationInterface {
  name = 'Agreement1764748800000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE agreement_versions (
        id uuid PRIMARY KEY,
        case_id uuid NOT NULL REFERENCES cases(id),
        version int NOT NULL CHECK (version > 0),
        content jsonb NOT NULL,
        sha256 text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
        status text NOT NULL CHECK (status IN ('signing', 'signed', 'superseded')),
        sign_by timestamptz NOT NULL,
        created_by uuid NOT NULL REFERENCES users(id),
        created_at timestamptz NOT NULL,
        idempotency_key text NOT NULL UNIQUE,
        UNIQUE (case_id, version)
      )`);
    // Only the status of a version may change; what was signed never does.
    await q.query(`
      CREATE FUNCTION agreement_content_frozen() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.content IS DISTINCT FROM OLD.content OR NEW.sha256 IS DISTINCT FROM OLD.sha256 OR NEW.version IS DISTINCT FROM OLD.version OR NEW.case_id IS DISTINCT FROM OLD.case_id THEN
          RAISE EXCEPTION 'an agreement version is frozen: make a new version' USING ERRCODE = 'insufficient_privilege';
        END IF;
        RETURN NEW;
      END $$`);
    await q.query(`CREATE TRIGGER agreement_versions_frozen BEFORE UPDATE ON agreement_versions FOR EACH ROW EXECUTE FUNCTION agreement_content_frozen()`);
    await q.query(`CREATE TRIGGER agreement_versions_no_delete BEFORE DELETE ON agreement_versions FOR EACH ROW EXECUTE FUNCTION reject_change()`);

    await q.query(`
      CREATE TABLE agreement_signatures (
        id uuid PRIMARY KEY,
        agreement_version_id uuid NOT NULL REFERENCES agreement_versions(id),
        party_id text NOT NULL,
        signer_id uuid NOT NULL REFERENCES users(id),
        sha256 text NOT NULL,
        signed_at timestamptz NOT NULL,
        voided_at timestamptz,
        idempotency_key text NOT NULL UNIQUE,
        UNIQUE (agreement_version_id, party_id)
      )`);
    await q.query(`GRANT SELECT, INSERT, UPDATE ON agreement_versions, agreement_signatures TO cluster_app`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS agreement_signatures`);
    await q.query(`DROP TABLE IF EXISTS agreement_versions`);
    await q.query(`DROP FUNCTION IF EXISTS agreement_content_frozen()`);
  }
}
