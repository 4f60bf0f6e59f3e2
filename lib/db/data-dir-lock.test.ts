import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { acquireDataDirLock, DataDirLockedError, releaseDataDirLock } from "./data-dir-lock";

const folder = fs.mkdtempSync(path.join(os.tmpdir(), "trova-lock-"));
const lockPath = path.join(folder, "pglite.lock");
const children: ReturnType<typeof spawn>[] = [];

afterEach(() => {
  releaseDataDirLock(lockPath);
  fs.rmSync(lockPath, { force: true });
  for (const child of children.splice(0)) child.kill();
});

describe("the PGlite data directory lock", () => {
  it("refuses a second process with a message that says what to do", () => {
    const other = spawn(process.execPath, ["-e", "setTimeout(() => {}, 30000)"]);
    children.push(other);
    fs.writeFileSync(lockPath, JSON.stringify({ pid: other.pid, command: "next dev" }));
    expect(() => acquireDataDirLock(lockPath, folder)).toThrow(DataDirLockedError);
    expect(() => acquireDataDirLock(lockPath, folder)).toThrow(new RegExp(`pid ${other.pid}: next dev.*DATABASE_URL`));
  });

  it("takes over a lock left by a process that has ended", async () => {
    const ended = spawn(process.execPath, ["-e", "0"]);
    await new Promise((resolve) => ended.on("exit", resolve));
    fs.writeFileSync(lockPath, JSON.stringify({ pid: ended.pid }));
    acquireDataDirLock(lockPath, folder);
    expect(JSON.parse(fs.readFileSync(lockPath, "utf8")).pid).toBe(process.pid);
  });

  it("removes the lock file on release", () => {
    acquireDataDirLock(lockPath, folder);
    releaseDataDirLock(lockPath);
    expect(fs.existsSync(lockPath)).toBe(false);
  });
});
