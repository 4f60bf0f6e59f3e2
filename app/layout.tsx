import type { Metadata, Viewport } from "next";
import { env } from "@/lib/env";
import "./globals.css";

export const metadata: Metadata = {
  metadataBase: new URL(env.APP_URL),
  title: { default: "Trova — buy and sell second-hand", template: "%s · Trova" },
  description: "Trova is a classifieds site for second-hand things: snap a photo, publish, and sell to people nearby.",
  openGraph: { siteName: "Trova", type: "website", locale: "en_IE" },
  // Files in public/, drawn by scripts/draw-icons.ts.
  manifest: "/manifest.webmanifest",
  icons: {
    icon: [{ url: "/favicon.ico", sizes: "32x32" }, { url: "/icon.svg", type: "image/svg+xml" }],
    apple: "/apple-touch-icon.png",
  },
  appleWebApp: { title: "Trova", capable: true },
};

export const viewport: Viewport = { width: "device-width", initialScale: 1, themeColor: "#0f766e" };

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en">
      <body className="min-h-screen font-sans">{children}</body>
    </html>
  );
}
