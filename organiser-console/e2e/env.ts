/** Where the suite under test is; suite-tests' ConsoleBrowserTests sets these, the defaults are `bin/atlas up`'s. */
export const env = {
  gateway: process.env.ATLAS_GATEWAY ?? 'http://localhost:8080',
  mailApi: process.env.ATLAS_MAIL_API ?? 'http://localhost:8025',
  kafka: process.env.ATLAS_KAFKA ?? 'localhost:9092',
  jwtSecret: process.env.JWT_SECRET ?? 'dev-jwt-secret-change-me-0123456789abcdef',
  screenshots: process.env.ATLAS_SCREENSHOTS ?? new URL('../../docs/console/', import.meta.url).pathname,
  goldenDir: process.env.ATLAS_GOLDEN_DIR ?? new URL('../../shared-events/src/test/resources/golden/', import.meta.url).pathname,
};

/** The embedded suite's demo staff users (embedded-infra DemoData): the legacy stand-in answers /api/auth/me for them. */
export const DEMO_USERS = {
  admin: { id: '65f0a00000000000000000a1', name: 'Aarav Admin' },
  manager: { id: '65f0a00000000000000000a2', name: 'Meera Manager' },
  staff: { id: '65f0a00000000000000000a3', name: 'Sanjay Staff' },
  reviewer: { id: '65f0a00000000000000000a4', name: 'Ravi Reviewer' },
} as const;
