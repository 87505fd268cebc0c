// Preloaded (`node -r`) into worker processes that a test spawns with an IPC channel: when the test
// process goes away without its clean-up (a Jest worker killed, a crash), the channel closes and
// this process goes with it, so no worker outlives its test and keeps taking tasks.
if (process.channel) {
  // The channel must not keep the worker alive after a graceful shutdown.
  process.channel.unref();
  process.once('disconnect', () => process.kill(process.pid, 'SIGKILL'));
}

export {};
