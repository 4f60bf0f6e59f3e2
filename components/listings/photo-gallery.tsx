"use client";

import { useState } from "react";

export type GalleryPhoto = { src: string; thumbSrc: string; width: number; height: number };

/** The main photo and a row of thumbnails (buttons) that choose which one it shows. */
export function PhotoGallery({ photos, title }: { photos: GalleryPhoto[]; title: string }) {
  const [selected, setSelected] = useState(0);
  if (photos.length === 0) {
    return (
      <div className="flex aspect-[4/3] items-center justify-center rounded-xl bg-stone-100 text-stone-500">
        No photos
      </div>
    );
  }
  const photo = photos[selected];
  return (
    <section aria-label="Photos" className="flex flex-col gap-3" data-testid="photo-gallery">
      <div className="flex aspect-[4/3] items-center justify-center overflow-hidden rounded-xl bg-stone-100">
        {/* Stored photos are already resized WebP files; a plain <img> keeps them as they are. */}
        {/* eslint-disable-next-line @next/next/no-img-element */}
        <img
          src={photo.src}
          alt={photos.length > 1 ? `${title}, photo ${selected + 1} of ${photos.length}` : title}
          width={photo.width}
          height={photo.height}
          className="max-h-full max-w-full object-contain"
          data-testid="gallery-main"
        />
      </div>
      {photos.length > 1 && (
        <ul className="flex flex-wrap gap-2">
          {photos.map((thumb, index) => (
            <li key={thumb.src}>
              <button
                type="button"
                onClick={() => setSelected(index)}
                aria-label={`Show photo ${index + 1} of ${photos.length}`}
                aria-pressed={index === selected}
                className={`block overflow-hidden rounded-lg border-2 ${
                  index === selected ? "border-brand-600" : "border-transparent opacity-80 hover:opacity-100"
                }`}
              >
                {/* eslint-disable-next-line @next/next/no-img-element */}
                <img src={thumb.thumbSrc} alt="" width={96} height={72} loading="lazy" className="h-[72px] w-24 object-cover" />
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
