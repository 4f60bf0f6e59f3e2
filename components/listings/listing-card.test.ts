import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import type { ListingCard as ListingCardData } from "@/lib/db/queries/listings";
import { ListingCard, ListingGrid } from "./listing-card";

// Cards are HTML built as strings (listing-card.tsx), so nothing React would escape is escaped
// for them: these check that what a seller types stays text, in the body and in every attribute.

const MARKUP = `<img src=x onerror="alert('xss')"><script>alert("xss")</script>`;
const BREAKOUT = `" onmouseover="alert(1)" data-x="`;
const now = new Date("2026-12-06T12:00:00Z");

function card(overrides: Partial<ListingCardData> = {}): ListingCardData {
  return {
    id: "5a0e8c7e-3f5b-4c1e-9a40-0c3f0f9a1b2c",
    title: "Kids bike 16 inch",
    priceCents: 4500,
    category: "Home & Garden",
    condition: "good",
    status: "active",
    createdAt: new Date("2026-12-06T09:00:00Z"),
    placeName: "Galway",
    imageKey: "0b7f2a1e-6a55-4f8e-8d3b-1f6e0c2d9a11",
    ...overrides,
  };
}

function grid(listings: ListingCardData[], props: Partial<Parameters<typeof ListingGrid>[0]> = {}): string {
  return renderToStaticMarkup(createElement(ListingGrid, { listings, label: "Listings", locale: "en-IE", now, ...props }));
}

describe("listing cards", () => {
  it("show what a card says: title, price, category and condition, place, age, photo", () => {
    const html = grid([card()]);
    expect(html).toContain('<ul class="grid');
    expect(html).toContain('aria-label="Listings"');
    expect(html).toContain('<a href="/listings/5a0e8c7e-3f5b-4c1e-9a40-0c3f0f9a1b2c" data-card-link>Kids bike 16 inch</a>');
    expect(html).toContain('data-testid="card-price">€45</p>');
    expect(html).toContain("Home &amp; Garden · Good");
    expect(html).toContain('data-testid="card-place">Galway</p>');
    expect(html).toContain('<time datetime="2026-12-06T09:00:00.000Z">3 hours ago</time>');
    expect(html).toContain('src="/api/images/0b7f2a1e-6a55-4f8e-8d3b-1f6e0c2d9a11-thumb.webp"');
    expect(html.match(/data-testid="listing-card"/g)).toHaveLength(1);
  });

  it("keep a seller's markup as text, in the body and in attributes", () => {
    const html = grid([card({ title: MARKUP, placeName: BREAKOUT })], { save: { savedIds: new Set(), signedIn: true, returnTo: "/" } });
    expect(html).not.toContain("<script");
    expect(html).not.toContain("<img src=x");
    expect(html).not.toContain('" onmouseover=');
    expect(html).toContain("&lt;script&gt;alert(&quot;xss&quot;)&lt;/script&gt;");
    expect(html).toContain(`data-title="&lt;img src=x onerror=&quot;alert(&#39;xss&#39;)&quot;&gt;`);
    expect(html).toContain("&quot; onmouseover=&quot;alert(1)&quot; data-x=&quot;");
  });

  it("link to the listing with the search's place, and say how far it is", () => {
    const html = grid([card({ distanceKm: 12.4 })], { near: "Galway City" });
    expect(html).toContain('href="/listings/5a0e8c7e-3f5b-4c1e-9a40-0c3f0f9a1b2c?near=Galway%20City"');
    expect(html).toMatch(/data-testid="card-place">Galway · <span data-testid="card-distance">12 km away<\/span>/);
  });

  it("show Sold and Reserved, and say when there is no photo", () => {
    const html = grid([card({ status: "sold", imageKey: null }), card({ id: "b", status: "reserved" })]);
    expect(html).toContain('data-testid="status-sold">Sold</span>');
    expect(html).toContain('data-testid="status-reserved">Reserved</span>');
    expect(html).toContain("No photo");
    expect(html).not.toContain("status-active");
  });

  it("give a signed-out heart a link to sign in that returns here and completes the save", () => {
    const html = grid([card()], { save: { savedIds: new Set(), signedIn: false, returnTo: "/?q=bike" } });
    const href = /<a href="([^"]+)" data-card-link aria-label="Save “Kids bike 16 inch”"/.exec(html)?.[1];
    const url = new URL(href!.replaceAll("&amp;", "&"), "http://trova.test");
    expect(url.pathname).toBe("/sign-in");
    expect(url.searchParams.get("why")).toBe("save");
    expect(url.searchParams.get("listing")).toBe("5a0e8c7e-3f5b-4c1e-9a40-0c3f0f9a1b2c");
    expect(url.searchParams.get("next")).toBe("/?q=bike&save=5a0e8c7e-3f5b-4c1e-9a40-0c3f0f9a1b2c");
  });

  it("give a signed-in viewer a heart button that says whether the listing is saved", () => {
    const html = grid([card(), card({ id: "other", title: "Lamp" })], { save: { savedIds: new Set(["other"]), signedIn: true, returnTo: "/" } });
    expect(html).toContain('data-save-listing="5a0e8c7e-3f5b-4c1e-9a40-0c3f0f9a1b2c" data-title="Kids bike 16 inch" aria-pressed="false" aria-label="Save “Kids bike 16 inch”"');
    expect(html).toContain('data-save-listing="other" data-title="Lamp" aria-pressed="true" aria-label="Remove “Lamp” from saved"');
    expect(html).toContain("♥");
  });

  it("render one card as an article of its own, for pages that add words beside it", () => {
    const html = renderToStaticMarkup(createElement(ListingCard, { listing: card(), locale: "en-IE", now }));
    expect(html).toMatch(/^<article class="card" data-testid="listing-card"><div class="card-photo">/);
    expect(html).not.toContain("save-button");
  });
});
