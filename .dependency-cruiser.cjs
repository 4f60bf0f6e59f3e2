// The layer rule (README "Architecture"), checked by `npm run check:layers` as part of `npm test`.
// Dependencies run one way, type imports included:
//
//   app, scripts, e2e, tests                       entry points
//     → components                                 React, by feature
//       → lib/<feature>                            sell, rollout, monitoring, annotation, evals,
//                                                  messages, auth, safety, seed, bench, fleet, testing, playground, buyers, catalogue, server-start
//         → lib/ai, lib/images, lib/rate-limit     the model task, photos, limits
//           → lib/db                               schema (with its JSON-column types), client, queries
//             → leaves                             lib/env, lib/listings (the listing vocabulary),
//                                                  action-result, percentile, plain-text, request-*, security-headers,
//                                                  node-header, places/ (the gazetteer and distances),
//                                                  cache/ (the Redis cache handler Next loads by path)
//
// A module may import its own layer or any layer below it, never one above, and never in a circle.
// One exception: a client component calls the server actions of its route (`app/**/actions.ts`),
// which React only lets it reach by import or by a prop.

const TESTS = "\\.(test|spec)\\.tsx?$|\\.mock\\.ts$";
const LEAVES = "^lib/(env|action-result|percentile|plain-text|request-body|request-guard|request-ip|security-headers|node-header|ndjson)\\.ts$|^lib/listings/|^lib/places/|^lib/cache/";
const DB = "^lib/db/";
const SERVICES = "^lib/(ai|images)/|^lib/rate-limit\\.ts$";
const FEATURES = "^lib/(sell|rollout|monitoring|annotation|evals|messages|auth|safety|seed|bench|fleet|testing|playground|buyers|catalogue)/|^lib/server-start\\.ts$";
const UI = "^components/";
const ENTRIES = "^(app|scripts|e2e)/|^(proxy|instrumentation|instrumentation-client)\\.ts$";
const any = (...patterns) => patterns.join("|");

const upward = (name, from, to, comment) => ({
  name,
  comment,
  severity: "error",
  from: { path: from, pathNot: TESTS },
  to: { path: to },
});

module.exports = {
  forbidden: [
    {
      name: "no-circular",
      comment: "A circle of imports means no layer can be read or tested on its own.",
      severity: "error",
      from: {},
      to: { circular: true },
    },
    upward("leaves-stay-leaves", LEAVES, any(DB, SERVICES, FEATURES, UI, ENTRIES), "A leaf imports only other leaves and packages."),
    upward("db-imports-no-feature", DB, any(SERVICES, FEATURES, UI, ENTRIES), "lib/db is below every feature: types it stores live beside the schema."),
    upward("services-import-no-feature", SERVICES, any(FEATURES, UI, ENTRIES), "lib/ai and lib/images get what a feature knows as arguments."),
    upward("features-import-no-ui", FEATURES, any(UI, ENTRIES), "lib/ never imports React components or routes."),
    {
      name: "components-import-no-routes",
      comment: "Components are used by routes, not the other way round; only a route's server actions may be imported.",
      severity: "error",
      from: { path: UI, pathNot: TESTS },
      to: { path: ENTRIES, pathNot: "^app/.*/actions\\.ts$" },
    },
    {
      name: "every-module-has-a-layer",
      comment: "A new top-level folder under lib/ must be given a layer in .dependency-cruiser.cjs.",
      severity: "error",
      from: { path: "^lib/", pathNot: any(TESTS, LEAVES, DB, SERVICES, FEATURES) },
      to: {},
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    exclude: { path: "^(node_modules|\\.next|drizzle|data|test-results|playwright-report)/" },
    // Type-only imports count: a type from a higher layer still ties the lower one to it.
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.json" },
    enhancedResolveOptions: { exportsFields: ["exports"], conditionNames: ["import", "require", "node", "default"], extensions: [".ts", ".tsx", ".js", ".mjs", ".json"] },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
