// Preloaded (-r) into API and worker when the benchmark profiles them with --cpu-prof. V8 writes
// the profile only on a normal exit, but Nest's shutdown hook closes the API on SIGTERM and then
// raises SIGTERM again to die by it, which would lose the profile. With this listener present that
// second signal no longer kills: it exits here instead. A process that does not end by itself
// after the first signal (the worker returns from main) exits here after 20 s.
let received = 0;
for (const signal of ['SIGTERM', 'SIGINT']) {
  process.on(signal, () => {
    received += 1;
    if (received > 1) process.exit(0);
    setTimeout(() => process.exit(0), 20_000).unref();
  });
}
