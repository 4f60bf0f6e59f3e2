// The console admin that scripts/e2e-setup.ts creates before the e2e server starts.
export const E2E_ADMIN = { email: "admin@e2e.test", password: "e2e-admin-password", name: "Console Admin" };
