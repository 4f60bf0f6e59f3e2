import { after } from "next/server";
import { LocalVisionBusyError } from "@/lib/ai/local-vision/detector";
import { screenPhoto } from "@/lib/ai/local-vision/screener";
import { flagScreenedPhotos, setImageScreening } from "@/lib/db/queries/safety";
import { env } from "@/lib/env";

// Photo screening. Every uploaded photo is scored once the upload has answered; a photo at or
// above PHOTO_SCREENING_THRESHOLD stays published (flag, don't hold: on real second-hand photos
// the classifier is wrong about one in seventy, BENCHMARKS.md) and opens its listing in the
// moderation queue, where a moderator may hide it.

/** Scores an uploaded photo after the response has gone; the seller never waits for it. */
export function screenAfterUpload(imageId: string, photo: Uint8Array): void {
  try {
    after(() => screenUploadedPhoto(imageId, photo));
  } catch {
    // Outside a request (a test calling the action directly) there is no response to wait for:
    // the photo stays unscreened, as one whose screening failed.
  }
}

/** Scores one photo, stores the score, and flags its listing when it is at or over the threshold. */
export async function screenUploadedPhoto(imageId: string, photo: Uint8Array, threshold = env.PHOTO_SCREENING_THRESHOLD): Promise<number | null> {
  try {
    const { explicit } = await screenPhoto(photo);
    const stored = await setImageScreening(imageId, explicit);
    // Published already (the seller was quick): flag it now; otherwise publishing will.
    if (stored?.listingId && explicit >= threshold) await flagScreenedPhotos(stored.listingId, threshold);
    return explicit;
  } catch (error) {
    // An unscreened photo is published like any other; the moderators still see reports.
    if (LocalVisionBusyError.isInstance(error)) console.warn(`[safety] photo ${imageId} left unscreened: the screening queue is full`);
    else console.error(`[safety] screening photo ${imageId} failed:`, error);
    return null;
  }
}

/** After a listing is saved with its photos: flags any that screening scored over the threshold. */
export function flagListingPhotos(listingId: string, threshold = env.PHOTO_SCREENING_THRESHOLD): Promise<number> {
  return flagScreenedPhotos(listingId, threshold);
}
