import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    environment: 'node',
    // The machine's own setting must not change what the helpers map.
    env: { ATLAS_EVENT_TIMEZONE: '', KAFKA_BROKERS: '' },
  },
});
