/**
 * Process groups: code-server spawns children (extension host, file watcher, pty host), so it is
 * started as the leader of its own group and stopped with `kill -- -<pgid>`, which reaches them all.
 */

/** Every live group, so an unexpected exit of the test process still kills its servers. */
const liveGroups = new Set<number>();
process.on('exit', () => {
  for (const pgid of liveGroups) killGroup(pgid, 'SIGKILL');
});

/** Remembers a group until stopGroup() so it is killed if this process exits first. */
export function trackGroup(pgid: number): void {
  liveGroups.add(pgid);
}

/** Signal 0 only asks whether the group still exists. */
function killGroup(pgid: number, signal: NodeJS.Signals | 0): boolean {
  try {
    process.kill(-pgid, signal);
    return true;
  } catch {
    return false; // ESRCH: the group is already gone.
  }
}

/** SIGTERM to the whole group, then SIGKILL to whatever is left after 5 s. */
export async function stopGroup(pgid: number): Promise<void> {
  killGroup(pgid, 'SIGTERM');
  const deadline = Date.now() + 5_000;
  while (Date.now() < deadline) {
    if (!killGroup(pgid, 0)) break;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  killGroup(pgid, 'SIGKILL');
  liveGroups.delete(pgid);
}

