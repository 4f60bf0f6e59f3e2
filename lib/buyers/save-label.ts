/** The heart's accessible name, on cards and on the listing page. */
export function saveButtonLabel(title: string, saved: boolean): string {
  return saved ? `Remove “${title}” from saved` : `Save “${title}”`;
}

/** The heart itself, filled once saved. */
export function heartGlyph(saved: boolean): string {
  return saved ? "♥" : "♡";
}
