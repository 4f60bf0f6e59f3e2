import { z } from "zod";

// Runs in the browser before the app hydrates. Zod compiles object parsers with `new Function`
// when it may; it finds out by trying once, which the page's policy (no 'unsafe-eval') blocks and
// reports as a violation on every page with a form. Under that policy the compiled path is never
// available anyway, so saying so up front costs nothing and keeps the reports for real attacks.
z.config({ jitless: true });
