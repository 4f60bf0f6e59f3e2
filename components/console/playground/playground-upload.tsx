"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { uploadPlaygroundPhoto } from "@/app/(console)/console/playground/actions";

/** A fresh photo, checked and stored as on the sell page; the page then opens with it. */
export function PlaygroundUpload() {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  return (
    <div className="flex flex-col gap-1 text-sm">
      <label className="font-medium" htmlFor="playground-photo">
        Upload a photo
      </label>
      <input
        id="playground-photo"
        type="file"
        accept="image/jpeg,image/png,image/webp,image/avif"
        data-testid="playground-photo-input"
        disabled={pending}
        onChange={(event) => {
          const file = event.target.files?.[0];
          if (!file) return;
          const data = new FormData();
          data.set("photo", file);
          setError(null);
          startTransition(async () => {
            const result = await uploadPlaygroundPhoto(data);
            if (result.ok) router.push(`/console/playground?photo=${result.photo.id}`);
            else setError(result.error);
          });
        }}
      />
      {pending && <p role="status">Uploading…</p>}
      {error && (
        <p role="alert" className="text-red-700">
          {error}
        </p>
      )}
    </div>
  );
}
