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
  { href: "/console/moderation", label: "Moderation" },
];

const MODERATION_SECTIONS = [
  { href: "/console/moderation", label: "Queue" },
  { href: "/console/moderation/log", label: "Audit log" },
];

/** The console's sections; a moderator who is not an admin sees only the moderation ones. */
export function ConsoleNav({ moderatorOnly = false }: { moderatorOnly?: boolean }) {
  const pathname = usePathname();
  const sections = moderatorOnly ? MODERATION_SECTIONS : SECTIONS;
  return (
    <nav aria-label="Console" className="flex flex-wrap gap-4 text-sm">
      {sections.map((section) => {
        const current = moderatorOnly ? pathname === section.href : pathname.startsWith(section.href);
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
