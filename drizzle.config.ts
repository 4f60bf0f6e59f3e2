import { defineConfig } from "drizzle-kit";

// drizzle-kit only generates migrations here; they are applied at runtime by lib/db/migrate.ts
// (drizzle-kit's own migrate cannot load the pg_trgm extension into PGlite).
export default defineConfig({
  dialect: "postgresql",
  schema: "./lib/db/schema.ts",
  out: "./drizzle",
});
