/**
 * One progress bar on stderr, measured in planned seconds so its ETA means something: each step
 * says how long it should take, the bar creeps through it while it runs and jumps to its end when
 * it is done. Results go to stdout, so `npm run bench > results.md` keeps the bar visible.
 */
import { MultiBar, Presets, type SingleBar } from 'cli-progress';

export class Progress {
  private readonly multi = new MultiBar(
    {
      format: ' {bar} {percentage}% | {duration_formatted} elapsed, {left} | {step}',
      hideCursor: true,
      // Without a terminal (CI, a log file): one line every 15 s instead of redrawing.
      noTTYOutput: true,
      notTTYSchedule: 15_000,
    },
    Presets.shades_classic,
  );
  private readonly bar: SingleBar;
  private readonly started = Date.now();
  private done = 0;
  private ticker: NodeJS.Timeout | undefined;

  constructor(plannedSeconds: number) {
    this.bar = this.multi.create(Math.max(1, Math.round(plannedSeconds)), 0, { step: 'starting', left: '' });
  }

  /** The planned seconds still ahead, scaled by how the plan has held so far. */
  private left(value: number): string {
    const elapsed = (Date.now() - this.started) / 1000;
    const pace = value < 5 ? 1 : elapsed / value;
    return `about ${this.minutes((this.bar.getTotal() - value) * pace)} left`;
  }

  private minutes(seconds: number): string {
    const s = Math.max(0, Math.round(seconds));
    return `${Math.floor(s / 60)}m${String(s % 60).padStart(2, '0')}s`;
  }

  private update(value: number, step?: string): void {
    this.bar.update(value, { left: this.left(value), ...(step ? { step } : {}) });
  }

  /** A step that should take about `seconds`; the bar advances with time up to its end. */
  step(label: string, seconds: number): void {
    this.finishStep();
    const started = Date.now();
    const end = this.done + seconds;
    this.update(this.done, label);
    const from = this.done;
    this.ticker = setInterval(() => this.update(Math.min(end - 0.5, from + (Date.now() - started) / 1000)), 500);
    this.ticker.unref();
    this.done = end;
  }

  /** A line above the bar. */
  log(line: string): void {
    this.multi.log(`${line}\n`);
  }

  stop(): void {
    this.finishStep();
    this.bar.update(this.bar.getTotal(), { step: 'done', left: 'finished' });
    this.multi.stop();
  }

  private finishStep(): void {
    clearInterval(this.ticker);
    this.update(this.done);
  }
}
