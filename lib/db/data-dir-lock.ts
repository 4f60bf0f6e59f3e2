import fs from "node:fs";

// PGlite has no file locking of its own: two processes on one data directory corrupt it.
// A lock file holding the owner's pid makes the second process fail at once instead.

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

const held = new Set<string>();

export function acquireDataDirLock(lockPath: string, directory: string): void {
  const mine = JSON.stringify({ pid: process.pid, command: process.argv.slice(1).join(" ").slice(0, 200) });
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(lockPath, mine, { flag: "wx" });
      held.add(lockPath);
      return;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    }
    let holder: { pid: number; command?: string } | undefined;
    try {
      holder = JSON.parse(fs.readFileSync(lockPath, "utf8"));
    } catch {
      holder = undefined;
    }
    if (holder && holder.pid !== process.pid && isAlive(holder.pid)) {
      throw new DataDirLockedError(directory, holder);
    }
    // A lock left by a process that has ended (or by this one before a reload): take it over.
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
