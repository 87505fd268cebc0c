// Started detached by the benchmark, which writes to our stdin the pid of each server it starts.
// The benchmark stops them itself and then writes "done". If stdin closes without it, the
// benchmark died without stopping them (out of memory, SIGKILL): we stop them, SIGTERM first,
// SIGKILL after 20 s, so no server outlives a crashed run.
const pids = new Set();
let done = false;
let buffered = '';
process.stdin.setEncoding('utf8');
process.stdin.on('data', (chunk) => {
  buffered += chunk;
  const lines = buffered.split('\n');
  buffered = lines.pop();
  for (const line of lines) {
    if (line === 'done') done = true;
    else if (/^\d+$/.test(line)) pids.add(Number(line));
  }
});
process.stdin.on('end', () => {
  if (done) return;
  const alive = () => [...pids].filter((pid) => {
    try {
      process.kill(pid, 0);
      return true;
    } catch {
      return false;
    }
  });
  const signal = (name) => alive().forEach((pid) => { try { process.kill(pid, name); } catch { /* gone meanwhile */ } });
  signal('SIGTERM');
  const deadline = Date.now() + 20_000;
  const timer = setInterval(() => {
    if (alive().length === 0) return clearInterval(timer);
    if (Date.now() > deadline) {
      signal('SIGKILL');
      clearInterval(timer);
    }
  }, 250);
});
