import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';
import net from 'node:net';
import readline from 'node:readline';

/** A free TCP port on loopback. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/**
 * A server process this test owns: its last output lines are kept for error messages, and it is
 * killed if the test process exits without stopping it, so no run leaves a server behind.
 */
export class OwnedProcess {
  readonly lines: string[] = [];
  private readonly exited: Promise<void>;
  private readonly killOnExit = () => this.child.kill('SIGKILL');

  private constructor(readonly name: string, readonly child: ChildProcess) {
    for (const stream of [child.stdout, child.stderr]) {
      if (!stream) continue;
      readline.createInterface({ input: stream }).on('line', (line) => {
        this.lines.push(line);
        if (this.lines.length > 200) this.lines.shift();
      });
    }
    this.exited = new Promise((resolve) => child.once('exit', () => resolve()));
    process.once('exit', this.killOnExit);
    void this.exited.then(() => process.off('exit', this.killOnExit));
  }

  static spawn(name: string, command: string, args: string[], options: SpawnOptions = {}): OwnedProcess {
    return new OwnedProcess(name, spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'], ...options }));
  }

  get running(): boolean {
    return this.child.exitCode === null && this.child.signalCode === null;
  }

  /** Sends `signal` and waits for the exit; SIGKILL after `graceMs`. Resolves with the ms it took. */
  async stop(signal: NodeJS.Signals, graceMs = 15_000): Promise<number> {
    const started = Date.now();
    if (!this.running) return 0;
    const timer = setTimeout(() => this.child.kill('SIGKILL'), graceMs);
    this.child.kill(signal);
    await this.exited;
    clearTimeout(timer);
    return Date.now() - started;
  }

  /** The last output lines, for a failure message. */
  tail(n = 20): string {
    return `${this.name} (exit ${this.child.exitCode ?? this.child.signalCode ?? 'running'}):\n${this.lines.slice(-n).join('\n')}`;
  }
}

/** Polls `probe` every 200 ms until it resolves; rejects after `timeoutMs` with the last error. */
export async function until(what: string, probe: () => Promise<unknown>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      await probe();
      return;
    } catch (error) {
      if (Date.now() > deadline) throw new Error(`${what} not reached in ${timeoutMs} ms: ${(error as Error).message}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
}
