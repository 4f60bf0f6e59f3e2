"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

const SECTIONS = [
  { href: "/console/monitoring", label: "Monitoring" },
  { href: "/console/calls", label: "Calls" },
  { href: "/console/feedback", label: "Feedback" },
  { href: "/console/experiments", label: "Experiments" },
  { href: "/console/datasets", label: "Datasets" },
  { href: "/console/prompts", label: "Prompts" },
  { href: "/console/playground", label: "Playground" },
  { href: "/console/rollouts", label: "Rollouts" },
  { href: "/console/review", label: "Review" },
];

export function ConsoleNav() {
  const pathname = usePathname();
  return (
    <nav aria-label="Console" className="flex flex-wrap gap-4 text-sm">
      {SECTIONS.map((section) => {
        const current = pathname.startsWith(section.href);
        return (
          <Link
            key={section.href}
            href={section.href}
            aria-current={current ? "page" : undefined}
            className={current ? "font-semibold text-white underline underline-offset-4" : "text-stone-300 hover:text-white"}
          >
            {section.label}
          </Link>
        );
      })}
    </nav>
  );
}
