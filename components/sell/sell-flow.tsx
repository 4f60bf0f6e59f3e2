"use client";

import { useState, useSyncExternalStore } from "react";
import { clearDraft, draftStorageKey } from "@/lib/sell/sell-draft";
import { SellForm } from "./sell-form";

type SellFlowProps = { userId: string; maxUploadMb: number; locale: string; defaultPlace: string };

const subscribeToNothing = () => () => {};

/**
 * /sell in the browser. The form starts from the draft kept in localStorage, which the server
 * cannot see, so it is rendered on the client only. "Start over" mounts a fresh, empty form.
 */
export function SellFlow({ userId, maxUploadMb, locale, defaultPlace }: SellFlowProps) {
  const inBrowser = useSyncExternalStore(
    subscribeToNothing,
    () => true,
    () => false,
  );
  const [generation, setGeneration] = useState(0);
  const storageKey = draftStorageKey(userId);

  if (!inBrowser) {
    return (
      <p className="rounded-xl border-2 border-dashed border-stone-300 bg-white p-6 text-sm text-stone-500" data-testid="sell-loading">
        Getting the form ready…
      </p>
    );
  }
  return (
    <SellForm
      key={generation}
      storageKey={storageKey}
      maxUploadMb={maxUploadMb}
      locale={locale}
      defaultPlace={defaultPlace}
      onStartOver={() => {
        clearDraft(storageKey);
        setGeneration((current) => current + 1);
      }}
    />
  );
}
