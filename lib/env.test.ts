import { describe, expect, it } from "vitest";
import { parseEnv, sharedSecretProblem } from "./env";

describe("environment for several nodes", () => {
  it("refuses a production node on PostgreSQL without a shared secret, naming the variable", () => {
    const config = parseEnv({ NODE_ENV: "production", DATABASE_URL: "postgres://db.internal/trova" });
    expect(sharedSecretProblem(config)).toMatch(/^BETTER_AUTH_SECRET is required in production with DATABASE_URL/);
    expect(sharedSecretProblem({ ...config, BETTER_AUTH_SECRET: "x".repeat(32) })).toBeNull();
    // One process on the embedded database, or development: the generated secret is fine.
    expect(sharedSecretProblem(parseEnv({ NODE_ENV: "production" }))).toBeNull();
    expect(sharedSecretProblem(parseEnv({ NODE_ENV: "development", DATABASE_URL: "postgres://db.internal/trova" }))).toBeNull();
  });

  it("turns object storage on with a bucket and checks the rest", () => {
    expect(parseEnv({ S3_BUCKET: "photos", S3_ENDPOINT: "http://127.0.0.1:9000" })).toMatchObject({ S3_BUCKET: "photos", S3_REGION: "us-east-1" });
    expect(() => parseEnv({ S3_ENDPOINT: "http://127.0.0.1:9000" })).toThrow(/S3_BUCKET: required/);
    expect(() => parseEnv({ S3_BUCKET: "photos", S3_ACCESS_KEY_ID: "key" })).toThrow(/set both, or neither/);
    expect(() => parseEnv({ S3_BUCKET: "photos", S3_ENDPOINT: "not a url" })).toThrow(/S3_ENDPOINT/);
  });

  it("accepts redis:// addresses and node names, and refuses others", () => {
    expect(parseEnv({ REDIS_URL: "redis://127.0.0.1:6379/2", NODE_ID: "node-1" })).toMatchObject({ REDIS_URL: "redis://127.0.0.1:6379/2", NODE_ID: "node-1" });
    expect(() => parseEnv({ REDIS_URL: "http://127.0.0.1:6379" })).toThrow(/REDIS_URL/);
    expect(() => parseEnv({ NODE_ID: "node 1; evil" })).toThrow(/NODE_ID/);
  });
});
