import type { Role } from '@cluster/domain';

export interface DemoUser {
  id: string;
  subject: string;
  displayName: string;
  email: string;
  organisation: string;
  roles: Role[];
  councilCode: string | null;
}

const EWI = 'Departement Economie, Wetenschap en Innovatie';

/**
 * Demo users for every role (development and tests only; the dev login offers them). Fixed ids so
 * that a second start finds the same people. Cluster representatives are bound to a case, so they
 * are created once a case exists.
 */
export const DEMO_USERS: DemoUser[] = [
  { id: '00000000-0000-4000-8000-000000000001', subject: 'handler', displayName: 'An Peeters', email: 'an.peeters@example.be', organisation: EWI, roles: ['case_handler'], councilCode: null },
  { id: '00000000-0000-4000-8000-000000000002', subject: 'handler2', displayName: 'Bart Janssens', email: 'bart.janssens@example.be', organisation: EWI, roles: ['case_handler'], councilCode: null },
  { id: '00000000-0000-4000-8000-000000000003', subject: 'approver', displayName: 'Chris Maes', email: 'chris.maes@example.be', organisation: EWI, roles: ['approver'], councilCode: null },
  { id: '00000000-0000-4000-8000-000000000004', subject: 'council-ri', displayName: 'Dirk Willems (RI)', email: 'secretariaat@ri.example.be', organisation: 'Raad voor Innovatie', roles: ['council_member'], councilCode: 'RI' },
  { id: '00000000-0000-4000-8000-000000000005', subject: 'council-vrwi', displayName: 'Els Claes (VRWI)', email: 'secretariaat@vrwi.example.be', organisation: 'VRWI', roles: ['council_member'], councilCode: 'VRWI' },
  { id: '00000000-0000-4000-8000-000000000006', subject: 'council-serv', displayName: 'Frank Goossens (SERV)', email: 'secretariaat@serv.example.be', organisation: 'SERV', roles: ['council_member'], councilCode: 'SERV' },
  { id: '00000000-0000-4000-8000-000000000007', subject: 'auditor', displayName: 'Greet Wouters', email: 'greet.wouters@audit.example.be', organisation: 'Audit Vlaanderen', roles: ['auditor'], councilCode: null },
  { id: '00000000-0000-4000-8000-000000000009', subject: 'assessor-a', displayName: 'Karel Jacobs', email: 'karel.jacobs@example.be', organisation: EWI, roles: ['case_handler'], councilCode: null },
  { id: '00000000-0000-4000-8000-00000000000a', subject: 'assessor-b', displayName: 'Lies Mertens', email: 'lies.mertens@example.be', organisation: EWI, roles: ['case_handler'], councilCode: null },
  { id: '00000000-0000-4000-8000-000000000008', subject: 'admin', displayName: 'Hans De Smet', email: 'hans.desmet@example.be', organisation: EWI, roles: ['admin'], councilCode: null },
  // Opens calls for spearhead clusters and steers the portfolio (issue 14).
  { id: '00000000-0000-4000-8000-0000000000b1', subject: 'policy-owner', displayName: 'Sofie Claes', email: 'sofie.claes@example.be', organisation: EWI, roles: ['policy_owner'], councilCode: null },
  // A second administrator: a new version of the reference data is published only when another administrator approves it.
  { id: '00000000-0000-4000-8000-0000000000a2', subject: 'admin2', displayName: 'Ine Vermeulen', email: 'ine.vermeulen@example.be', organisation: EWI, roles: ['admin'], councilCode: null },
];
