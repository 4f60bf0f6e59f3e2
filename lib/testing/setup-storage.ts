import path from "node:path";
import { afterAll, beforeAll } from "vitest";
import { dataDir } from "@/lib/env";
import { startLocalS3Server, type LocalS3Server } from "@/lib/fleet/s3-server";
import { S3Storage, useImageStorageForTests } from "@/lib/images/storage";

// TEST_STORAGE=s3 runs a test file's photos through the real S3 client against s3rver in this
// process instead of the local disk: uploads, thumbnails, listing deletion, pruning, the large
// seed's copies and evaluation datasets, as on a fleet.
let server: LocalS3Server | undefined;

beforeAll(async () => {
  if (process.env.TEST_STORAGE !== "s3") return;
  server = await startLocalS3Server({ directory: path.join(dataDir, "s3") });
  useImageStorageForTests(
    new S3Storage({ bucket: server.bucket, region: server.region, endpoint: server.endpoint, credentials: { accessKeyId: server.accessKeyId, secretAccessKey: server.secretAccessKey } }),
  );
});

afterAll(async () => {
  if (!server) return;
  useImageStorageForTests(undefined);
  await server.stop();
});
