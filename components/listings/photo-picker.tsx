"use client";

import Image from "next/image";
import { useEffect, useId, useRef, useState } from "react";
import type { UploadedPhoto } from "@/app/(market)/sell/actions";
import { MAX_PHOTOS } from "@/lib/listings/options";
import { usePhotoUploads } from "./use-photo-uploads";

type PhotoPickerProps = {
  photos: UploadedPhoto[];
  onPhotosChange: React.Dispatch<React.SetStateAction<UploadedPhoto[]>>;
  /** Tells the form whether uploads are still running, so it does not submit half a gallery. */
  onBusyChange: (busy: boolean) => void;
  /** Errors from the form's last submit (e.g. "Add at least one photo."). */
  errors?: string[];
  maxUploadMb: number;
};

type FocusRequest = { photoId: string; action: "left" | "right" | "remove" } | { photoId: null };

/**
 * Choose (file picker, drag and drop, paste, phone camera), upload, order and remove a listing's
 * photos. Each file is shrunk in the browser and uploads as soon as it is chosen (usePhotoUploads).
 */
export function PhotoPicker({ photos, onPhotosChange, onBusyChange, errors, maxUploadMb }: PhotoPickerProps) {
  const id = useId();
  const { pending, busy, fileErrors, addFiles } = usePhotoUploads({ photos, onPhotosChange, onBusyChange, maxUploadMb });
  const [dragging, setDragging] = useState(false);
  const inputRef = useRef<HTMLInputElement>(null);
  const controls = useRef(new Map<string, HTMLButtonElement>());
  const focusRequest = useRef<FocusRequest | null>(null);

  // Reordering moves DOM nodes, which drops keyboard focus: put it back where the user was.
  useEffect(() => {
    const request = focusRequest.current;
    if (!request) return;
    focusRequest.current = null;
    if (request.photoId === null) {
      inputRef.current?.focus();
      return;
    }
    const wanted = controls.current.get(`${request.photoId}:${request.action}`);
    const fallback = controls.current.get(`${request.photoId}:${request.action === "left" ? "right" : "left"}`);
    (wanted && !wanted.disabled ? wanted : fallback)?.focus();
  });

  function move(index: number, offset: -1 | 1) {
    const photo = photos[index];
    focusRequest.current = { photoId: photo.id, action: offset === -1 ? "left" : "right" };
    onPhotosChange((current) => {
      const from = current.findIndex((item) => item.id === photo.id);
      const to = from + offset;
      if (from < 0 || to < 0 || to >= current.length) return current;
      const next = [...current];
      [next[from], next[to]] = [next[to], next[from]];
      return next;
    });
  }

  function remove(index: number) {
    const neighbour = photos[index + 1] ?? photos[index - 1];
    focusRequest.current = neighbour ? { photoId: neighbour.id, action: "remove" } : { photoId: null };
    onPhotosChange((current) => current.filter((item) => item.id !== photos[index].id));
  }

  function registerControl(key: string) {
    return (element: HTMLButtonElement | null) => {
      if (element) controls.current.set(key, element);
      else controls.current.delete(key);
    };
  }

  function chooseFiles(event: React.ChangeEvent<HTMLInputElement>) {
    const files = Array.from(event.target.files ?? []);
    // Cleared so that choosing the same file again still fires a change.
    event.target.value = "";
    void addFiles(files);
  }

  const messages = [...(errors ?? []), ...fileErrors];
  const full = photos.length + pending.length >= MAX_PHOTOS;
  // Nothing chosen yet: the drop zone is the first thing to do on the page, so it takes room.
  const empty = photos.length === 0 && !busy;
  const pickerButtonClass =
    "inline-block cursor-pointer rounded-lg border border-stone-300 bg-white px-4 py-2 text-sm font-medium text-stone-800 hover:bg-stone-100 peer-focus-visible:outline-2 peer-focus-visible:outline-offset-2 peer-focus-visible:outline-brand-600";
  const controlClass =
    "min-h-8 min-w-8 rounded-md border border-stone-300 bg-white px-2 py-1 text-sm font-medium text-stone-800 hover:bg-stone-100 disabled:cursor-not-allowed disabled:opacity-40";

  return (
    <fieldset className="flex flex-col gap-2" aria-describedby={`${id}-hint${messages.length ? ` ${id}-errors` : ""}`}>
      <legend className="text-sm font-medium text-stone-800">Photos</legend>
      <p id={`${id}-hint`} className="text-xs text-stone-500">
        1 to {MAX_PHOTOS} photos, the first one is the cover. JPEG, PNG, WebP or AVIF, up to {maxUploadMb} MB each.
      </p>
      <div
        data-testid="photo-dropzone"
        onDragOver={(event) => {
          event.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={(event) => {
          event.preventDefault();
          setDragging(false);
          void addFiles(Array.from(event.dataTransfer.files));
        }}
        className={`rounded-xl border-2 border-dashed ${empty ? "px-3 py-10" : "p-3"} ${dragging ? "border-brand-600 bg-brand-50" : "border-stone-300 bg-white"}`}
      >
        {(photos.length > 0 || busy) && (
          <ol className="mb-3 grid grid-cols-2 gap-3 sm:grid-cols-4" aria-label="Chosen photos">
            {photos.map((photo, index) => (
              <li key={photo.id} className="flex flex-col gap-1" data-testid="photo-thumb">
                <div className="relative aspect-square overflow-hidden rounded-lg bg-stone-100">
                  <Image
                    src={photo.thumbUrl}
                    alt={`Photo ${index + 1} of ${photos.length}`}
                    fill
                    unoptimized
                    sizes="(min-width: 640px) 25vw, 50vw"
                    className="object-cover"
                  />
                  {index === 0 && (
                    <span className="absolute left-1 top-1 rounded bg-stone-900/75 px-1.5 py-0.5 text-xs text-white">Cover</span>
                  )}
                </div>
                <div className="flex flex-wrap gap-1">
                  <button
                    type="button"
                    ref={registerControl(`${photo.id}:left`)}
                    onClick={() => move(index, -1)}
                    disabled={index === 0}
                    aria-label={`Move photo ${index + 1} left`}
                    title="Move left"
                    className={controlClass}
                  >
                    ←
                  </button>
                  <button
                    type="button"
                    ref={registerControl(`${photo.id}:right`)}
                    onClick={() => move(index, 1)}
                    disabled={index === photos.length - 1}
                    aria-label={`Move photo ${index + 1} right`}
                    title="Move right"
                    className={controlClass}
                  >
                    →
                  </button>
                  <button
                    type="button"
                    ref={registerControl(`${photo.id}:remove`)}
                    onClick={() => remove(index)}
                    aria-label={`Remove photo ${index + 1}`}
                    className={`${controlClass} ml-auto`}
                  >
                    Remove
                  </button>
                </div>
              </li>
            ))}
            {pending.map((upload) => (
              <li
                key={upload.key}
                className="flex aspect-square items-center justify-center rounded-lg bg-stone-100 p-2 text-center text-xs text-stone-600"
              >
                <span className="break-all">Uploading {upload.name}…</span>
              </li>
            ))}
          </ol>
        )}
        {full ? (
          <p className="text-sm text-stone-600">That&apos;s the most photos a listing can have.</p>
        ) : (
          <div className={`flex flex-wrap items-center gap-3 ${empty ? "justify-center text-center" : ""}`}>
            <span>
              <input
                ref={inputRef}
                id={`${id}-input`}
                data-testid="photo-input"
                type="file"
                accept="image/*"
                multiple
                aria-invalid={messages.length > 0}
                aria-describedby={`${id}-hint${messages.length ? ` ${id}-errors` : ""}`}
                className="peer sr-only"
                onChange={chooseFiles}
              />
              <label htmlFor={`${id}-input`} className={pickerButtonClass}>
                {photos.length ? "Add more photos" : "Add photos"}
              </label>
            </span>
            {/* Phones open the camera straight away; a mouse-driven computer has no use for it. */}
            <span className="hidden pointer-coarse:inline">
              <input
                id={`${id}-camera`}
                type="file"
                accept="image/*"
                capture="environment"
                aria-describedby={`${id}-hint`}
                className="peer sr-only"
                onChange={chooseFiles}
              />
              <label htmlFor={`${id}-camera`} className={pickerButtonClass}>
                Take a photo
              </label>
            </span>
            <span className="text-sm text-stone-500 pointer-coarse:hidden">or drag them here, or paste one</span>
          </div>
        )}
      </div>
      <p className="sr-only" aria-live="polite">
        {busy ? `Uploading ${pending.length} photo${pending.length === 1 ? "" : "s"}…` : ""}
      </p>
      {messages.length > 0 && (
        <ul id={`${id}-errors`} role="alert" className="flex flex-col gap-1 text-sm text-red-700" data-testid="photo-errors">
          {messages.map((message, index) => (
            <li key={index}>{message}</li>
          ))}
        </ul>
      )}
    </fieldset>
  );
}
