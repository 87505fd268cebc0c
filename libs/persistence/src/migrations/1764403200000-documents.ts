import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Documents attached to a roadmap version or an advice request. The bytes live in the document
 * store (a local folder or an S3 bucket) under a key derived from their SHA-256; this table is the
 * record of who attached what, when, to which owner. Append-only, like every submitted record.
 */
export class Documents1764403200000 implements MigrationInterface {
  name = 'Documents1764403200000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE documents (
        id uuid PRIMARY KEY,
        case_id uuid NOT NULL REFERENCES cases(id),
        owner_type text NOT NULL CHECK (owner_type IN ('roadmap_version', 'advice_request')),
        owner_id uuid NOT NULL,
        file_name text NOT NULL CHECK (length(file_name) BETWEEN 1 AND 255),
        media_type text NOT NULL,
        size_bytes bigint NOT NULL CHECK (size_bytes > 0),
        sha256 text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
        storage_key text NOT NULL,
        uploaded_by uuid NOT NULL REFERENCES users(id),
        uploaded_at timestamptz NOT NULL
      )`);
    // Listing an owner's documents, and one row per content per owner: attaching the same bytes
    // twice (a retried upload) finds the first row instead of adding a second.
    await q.query(`CREATE UNIQUE INDEX documents_owner_idx ON documents (owner_type, owner_id, sha256)`);
    await q.query(`CREATE INDEX documents_case_idx ON documents (case_id, uploaded_at)`);

    await q.query(`CREATE TRIGGER documents_append_only BEFORE UPDATE OR DELETE ON documents FOR EACH ROW EXECUTE FUNCTION reject_change()`);
    await q.query(`CREATE TRIGGER documents_no_truncate BEFORE TRUNCATE ON documents FOR EACH STATEMENT EXECUTE FUNCTION reject_change()`);
    await q.query(`GRANT SELECT, INSERT ON documents TO cluster_app`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS documents`);
  }
}
