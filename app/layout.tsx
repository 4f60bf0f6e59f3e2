import type { Metadata, Viewport } from "next";
import { env } from "@/lib/env";
import "./globals.css";

export const metadata: Metadata = {
  metadataBase: new URL(env.APP_URL),
  title: { default: "Trova — buy and sell second-hand", template: "%s · Trova" },
  description: "Trova is a classifieds site for second-hand things: snap a photo, publish, and sell to people nearby.",
  openGraph: { siteName: "Trova", type: "website", locale: "en_IE" },
};

export const viewport: Viewport = { width: "device-width", initialScale: 1, themeColor: "#0f766e" };

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en">
      <body className="min-h-screen font-sans">{children}</body>
    </html>
  );
}
