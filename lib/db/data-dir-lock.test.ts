import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { acquireDataDirLock, DataDirLockedError, processStartTime, releaseDataDirLock } from "./data-dir-lock";

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

  it("takes over a lock whose pid now runs something other than Trova (pid reuse after a crash)", async () => {
    const unrelated = spawn("sleep", ["30"]);
    children.push(unrelated);
    await new Promise((resolve) => unrelated.on("spawn", resolve));
    fs.writeFileSync(lockPath, JSON.stringify({ pid: unrelated.pid, command: "next start" }));
    acquireDataDirLock(lockPath, folder);
    expect(JSON.parse(fs.readFileSync(lockPath, "utf8")).pid).toBe(process.pid);
  });

  it("takes over a lock whose pid is a different process than the one that wrote it", () => {
    const other = spawn(process.execPath, ["-e", "setTimeout(() => {}, 30000)"]);
    children.push(other);
    // Same pid, but started at another time: the writer is gone and its pid was given out again.
    fs.writeFileSync(lockPath, JSON.stringify({ pid: other.pid, command: "next start", startTime: "1" }));
    acquireDataDirLock(lockPath, folder);
    expect(JSON.parse(fs.readFileSync(lockPath, "utf8")).pid).toBe(process.pid);
  });

  it("records its start time, so a live holder is recognised as itself", async () => {
    const other = spawn(process.execPath, ["-e", "setTimeout(() => {}, 30000)"]);
    children.push(other);
    await new Promise((resolve) => other.on("spawn", resolve));
    fs.writeFileSync(lockPath, JSON.stringify({ pid: other.pid, command: "next start", startTime: processStartTime(other.pid!) }));
    expect(() => acquireDataDirLock(lockPath, folder)).toThrow(DataDirLockedError);
    acquireDataDirLock(path.join(folder, "mine.lock"), folder);
    expect(JSON.parse(fs.readFileSync(path.join(folder, "mine.lock"), "utf8")).startTime).toBe(processStartTime(process.pid));
    releaseDataDirLock(path.join(folder, "mine.lock"));
  });

  it("removes the lock file on release", () => {
    acquireDataDirLock(lockPath, folder);
    releaseDataDirLock(lockPath);
    expect(fs.existsSync(lockPath)).toBe(false);
  });
});
