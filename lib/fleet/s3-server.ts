import fs from "node:fs";
import S3rver from "s3rver";

// A real S3 API server (s3rver, files on disk) in this process: the tests' object storage and the
// local fleet's, when no S3_ENDPOINT is given. Debian has no MinIO. No "@/" imports: Playwright
// and the fleet script load this file too.

export type LocalS3Server = {
  endpoint: string;
  bucket: string;
  region: string;
  accessKeyId: string;
  secretAccessKey: string;
  stop: () => Promise<void>;
};

// s3rver accepts exactly this key pair (its documented defaults).
const S3RVER_KEY_ID = "S3RVER";
const S3RVER_SECRET = "S3RVER";

export async function startLocalS3Server(options: { directory: string; bucket?: string; port?: number }): Promise<LocalS3Server> {
  const bucket = options.bucket ?? "trova-photos";
  fs.mkdirSync(options.directory, { recursive: true });
  const server = new S3rver({
    address: "127.0.0.1",
    port: options.port ?? 0,
    directory: options.directory,
    silent: true,
    configureBuckets: [{ name: bucket, configs: [] }],
  });
  const address = await server.run();
  return {
    endpoint: `http://127.0.0.1:${address.port}`,
    bucket,
    region: "us-east-1",
    accessKeyId: S3RVER_KEY_ID,
    secretAccessKey: S3RVER_SECRET,
    stop: () => server.close(),
  };
}
