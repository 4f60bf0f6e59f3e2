import fs from "node:fs";

// PGlite has no file locking of its own: two processes on one data directory corrupt it.
// A lock file holding the owner's pid makes the second process fail at once instead.
// After a crash the pid may be reused by an unrelated process, so a live pid is believed only
// when it is still the same process: on Linux, /proc tells its start time (recorded in the
// lock) and what it runs (a Node.js process, as Trova is).

type LockHolder = { pid: number; command?: string; startTime?: string };

export class DataDirLockedError extends Error {
  constructor(directory: string, holder: { pid: number; command?: string }) {
    super(
      `The embedded database at ${directory} is already open in another process ` +
        `(pid ${holder.pid}${holder.command ? `: ${holder.command}` : ""}). ` +
        `PGlite allows one process at a time: stop that process first, point DATA_DIR at another ` +
        `folder, or set DATABASE_URL to use a PostgreSQL server that many processes can share.`,
    );
    this.name = "DataDirLockedError";
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** The process's start time in clock ticks since boot (field 22 of /proc/<pid>/stat), or null off Linux. */
export function processStartTime(pid: number): string | null {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    // The command name (field 2) is in parentheses and may hold spaces: count from after it.
    return stat.slice(stat.lastIndexOf(")") + 2).split(" ")[19] ?? null;
  } catch {
    return null;
  }
}

function runsNode(pid: number): boolean | null {
  try {
    const executable = fs.readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0")[0];
    // "node", "/usr/bin/node", "next-server (v16…)" (Next.js renames its process title).
    return /(^|\/)(node|nodejs)$|^next-server/.test(executable);
  } catch {
    return null;
  }
}

/** True while the process that wrote the lock still runs: same pid, same process. */
export function isLockHolderRunning(holder: LockHolder): boolean {
  if (!isAlive(holder.pid)) return false;
  const startTime = processStartTime(holder.pid);
  if (startTime !== null && holder.startTime !== undefined) return startTime === holder.startTime;
  // A lock from before start times were recorded, or no /proc: judge by what the pid runs.
  return runsNode(holder.pid) ?? true;
}

const held = new Set<string>();

export function acquireDataDirLock(lockPath: string, directory: string): void {
  const mine = JSON.stringify({
    pid: process.pid,
    command: process.argv.slice(1).join(" ").slice(0, 200),
    startTime: processStartTime(process.pid) ?? undefined,
  } satisfies LockHolder);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(lockPath, mine, { flag: "wx" });
      held.add(lockPath);
      return;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    }
    let holder: LockHolder | undefined;
    try {
      holder = JSON.parse(fs.readFileSync(lockPath, "utf8"));
    } catch {
      holder = undefined;
    }
    if (holder && holder.pid !== process.pid && isLockHolderRunning(holder)) {
      throw new DataDirLockedError(directory, holder);
    }
    // A lock left by a process that has ended, whose pid now runs something else, or by this
    // one before a reload: take it over.
    fs.rmSync(lockPath, { force: true });
  }
  throw new Error(`Could not lock ${directory}.`);
}

export function releaseDataDirLock(lockPath: string): void {
  if (!held.delete(lockPath)) return;
  fs.rmSync(lockPath, { force: true });
}

process.once("exit", () => {
  for (const lockPath of held) fs.rmSync(lockPath, { force: true });
});
