import fs from "node:fs";

// Reads the memory of a server process the test started (Linux /proc only): its resident memory
// and its peak, which can be reset to measure one request.

function statusField(pid: number, field: "VmRSS" | "VmHWM"): number {
  const match = new RegExp(`^${field}:\\s+(\\d+) kB`, "m").exec(fs.readFileSync(`/proc/${pid}/status`, "utf8"));
  return Number(match?.[1]) * 1024;
}

/** Resets the process's peak resident memory to its current value (Linux 4.0+), or false if not allowed. */
export function resetPeakMemory(pid: number): boolean {
  try {
    fs.writeFileSync(`/proc/${pid}/clear_refs`, "5");
    return true;
  } catch {
    return false;
  }
}

export function residentMemory(pid: number): { current: number; peak: number } {
  return { current: statusField(pid, "VmRSS"), peak: statusField(pid, "VmHWM") };
}
