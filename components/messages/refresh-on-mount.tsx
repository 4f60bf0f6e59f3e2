"use client";

import { useRouter } from "next/navigation";
import { useEffect } from "react";

/**
 * Re-renders the current page once after it appears. The header's unread total is rendered at the
 * same time as the page that marks a conversation read, so it may show the old count; a refresh
 * brings it up to date.
 */
export function RefreshOnMount() {
  const router = useRouter();
  useEffect(() => router.refresh(), [router]);
  return null;
}
