import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A case's named stand-in: the colleague who concludes the assessment and proposes the decision
 * when the account manager cannot (DOMAIN.md, "Rules decided (turn 2)"). Who named them, when and
 * why is in the case's audit trail; here only who it is now.
 */
export class StandIn1765526400000 implements MigrationInterface {
  name = 'StandIn1765526400000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE cases ADD COLUMN stand_in_id uuid REFERENCES users(id)`);
    // Four eyes needs two people: the account manager is never their own stand-in.
    await q.query(`ALTER TABLE cases ADD CONSTRAINT cases_stand_in_not_manager CHECK (stand_in_id IS NULL OR stand_in_id <> account_manager_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE cases DROP COLUMN IF EXISTS stand_in_id`);
  }
}
