import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { afterAll } from "vitest";

// Test files run side by side. Each gets a DATA_DIR of its own (uploaded photos, the auth
// secret), so one file's stored photos never show up in another file's counts. Runs before
// anything imports lib/env, which reads DATA_DIR once.
process.env.TROVA_TEST_DATA_ROOT ??= process.env.DATA_DIR;
const own = path.join(process.env.TROVA_TEST_DATA_ROOT!, `file-${crypto.randomBytes(4).toString("hex")}`);
process.env.DATA_DIR = own;

afterAll(() => fs.rmSync(own, { recursive: true, force: true }));
