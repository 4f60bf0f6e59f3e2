"use client";

import { useEffect, useEffectEvent, useState } from "react";
import { uploadListingPhoto, type UploadedPhoto } from "@/app/(market)/sell/actions";
import { downscaleForUpload } from "@/lib/images/downscale-in-browser";
import { MAX_PHOTOS } from "@/lib/listings/options";

export type PendingUpload = { key: string; name: string };
type FileError = { key: string; message: string };

type PhotoUploadsOptions = {
  photos: UploadedPhoto[];
  onPhotosChange: React.Dispatch<React.SetStateAction<UploadedPhoto[]>>;
  /** Tells the form whether uploads are still running, so it does not submit half a gallery. */
  onBusyChange: (busy: boolean) => void;
  maxUploadMb: number;
};

/**
 * The photo picker's uploads: files chosen, dropped or pasted anywhere on the page are shrunk in
 * the browser and uploaded one by one; each uploaded photo is appended through `onPhotosChange`.
 */
export function usePhotoUploads({ photos, onPhotosChange, onBusyChange, maxUploadMb }: PhotoUploadsOptions) {
  const [pending, setPending] = useState<PendingUpload[]>([]);
  const [fileErrors, setFileErrors] = useState<FileError[]>([]);

  const busy = pending.length > 0;
  useEffect(() => onBusyChange(busy), [busy, onBusyChange]);

  async function addFiles(files: File[]) {
    if (files.length === 0) return;
    const free = MAX_PHOTOS - photos.length - pending.length;
    const accepted = files.slice(0, Math.max(0, free));
    const refused: FileError[] = files.slice(accepted.length).map((file) => ({
      key: crypto.randomUUID(),
      message: `“${file.name}” was left out: a listing can have up to ${MAX_PHOTOS} photos.`,
    }));
    const uploads = accepted.map((file) => ({ file, key: crypto.randomUUID() }));
    setFileErrors(refused);
    setPending((current) => [...current, ...uploads.map(({ key, file }) => ({ key, name: file.name }))]);
    // One at a time: keeps the chosen order and spares a phone's connection.
    for (const { file, key } of uploads) {
      const error = await uploadFile(file);
      setPending((current) => current.filter((upload) => upload.key !== key));
      if (error) setFileErrors((current) => [...current, { key, message: `“${file.name}”: ${error}` }]);
    }
  }

  async function uploadFile(original: File): Promise<string | null> {
    const file = await downscaleForUpload(original);
    if (file.size > maxUploadMb * 1024 * 1024) return `That photo is larger than ${maxUploadMb} MB. Choose a smaller one.`;
    const body = new FormData();
    body.append("photo", file);
    try {
      const result = await uploadListingPhoto(body);
      if (!result.ok) return result.error;
      onPhotosChange((current) => [...current, result.photo]);
      return null;
    } catch {
      return "The upload failed. Check your connection and try again.";
    }
  }

  // A photo pasted anywhere on the page (a screenshot, an image copied from another tab) is added.
  const pastePhotos = useEffectEvent((event: ClipboardEvent) => {
    const files = Array.from(event.clipboardData?.files ?? []).filter((file) => file.type.startsWith("image/"));
    if (files.length === 0) return;
    event.preventDefault();
    void addFiles(files);
  });
  useEffect(() => {
    const onPaste = (event: ClipboardEvent) => pastePhotos(event);
    window.addEventListener("paste", onPaste);
    return () => window.removeEventListener("paste", onPaste);
  }, []);

  return { pending, busy, fileErrors: fileErrors.map((error) => error.message), addFiles };
}
