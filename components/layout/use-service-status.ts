"use client";

import { useEffect, useEffectEvent, useState } from "react";

export type ServiceStatus = "checking" | "up" | "down";

// How often a page that failed because the database was away asks whether it is back.
const POLL_MS = 3000;

/**
 * For error pages: asks the health check whether the database answers, so the page can say
 * "temporarily unavailable" rather than "something went wrong", and calls `onRecovered` once it
 * answers again (the page then reloads its data by itself).
 */
export function useServiceStatus(onRecovered: () => void): ServiceStatus {
  const [status, setStatus] = useState<ServiceStatus>("checking");
  const recovered = useEffectEvent(onRecovered);
  useEffect(() => {
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let wasDown = false;
    async function check() {
      const healthy = await fetch("/api/health", { cache: "no-store" }).then((response) => response.ok, () => false);
      if (stopped) return;
      if (healthy && wasDown) return recovered();
      wasDown = !healthy;
      setStatus(healthy ? "up" : "down");
      if (!healthy) timer = setTimeout(check, POLL_MS);
    }
    void check();
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, []);
  return status;
}

export const UNAVAILABLE_TITLE = "Trova is temporarily unavailable";
export const UNAVAILABLE_TEXT = "We can't reach our database just now. Nothing you saved is lost: this page reloads by itself as soon as Trova is back.";
