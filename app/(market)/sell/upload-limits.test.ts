import { count, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { getDb } from "@/lib/db/client";
import { images, user } from "@/lib/db/schema";
import { consumeRateLimit, RATE_LIMITS } from "@/lib/rate-limit";
import { makeJpeg } from "@/lib/testing/images";
import { uploadListingPhoto } from "./actions";

// Storage cannot be filled from one account: photos per hour and bytes per day are counted in
// the database (lib/rate-limit.ts), so the limits hold across server processes.

const session = vi.hoisted(() => ({ user: { id: "heavy-uploader" } as { id: string } | null }));
vi.mock("@/lib/auth/session", () => ({ getCurrentUser: async () => session.user }));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn(), updateTag: vi.fn(), unstable_cache: (read: unknown) => read }));

async function upload() {
  const form = new FormData();
  form.append("photo", new File([new Uint8Array(await makeJpeg(64, 48))], "photo.jpg", { type: "image/jpeg" }));
  return uploadListingPhoto(form);
}

async function storedBy(ownerId: string) {
  const db = await getDb();
  const [row] = await db.select({ rows: count() }).from(images).where(eq(images.ownerId, ownerId));
  return row.rows;
}

beforeAll(async () => {
  const db = await getDb();
  await db.insert(user).values([
    { id: "heavy-uploader", name: "Heavy", email: "heavy@example.com" },
    { id: "byte-uploader", name: "Bytes", email: "bytes@example.com" },
  ]);
});

describe("upload limits", () => {
  it("lets a seller add 60 photos an hour, then says when to try again", async () => {
    session.user = { id: "heavy-uploader" };
    // 59 already this hour (counted directly: a real upload costs a normalisation).
    for (let i = 0; i < RATE_LIMITS.uploads.limit - 1; i++) await consumeRateLimit("upload:account:heavy-uploader", RATE_LIMITS.uploads);
    expect(await upload()).toMatchObject({ ok: true });
    expect(await upload()).toEqual({ ok: false, error: expect.stringMatching(/^You've added a lot of photos in a short time\. Try again in \d+ minutes\.$/) });
    expect(await storedBy("heavy-uploader")).toBe(1);
  });

  it("counts the bytes a seller uploads in a day", async () => {
    session.user = { id: "byte-uploader" };
    await consumeRateLimit("upload-bytes:account:byte-uploader", RATE_LIMITS.uploadBytes, RATE_LIMITS.uploadBytes.limit - 10);
    expect(await upload()).toEqual({ ok: false, error: expect.stringMatching(/Try again in 24 hours\./) });
    expect(await storedBy("byte-uploader")).toBe(0);
  });
});
