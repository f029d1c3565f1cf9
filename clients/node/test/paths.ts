import { join } from 'node:path';

/** The repository's root, two levels above this package. */
export const REPO = join(__dirname, '..', '..', '..');
export const GOLDEN_DIR = join(REPO, 'shared-events', 'src', 'test', 'resources', 'golden');
export const SHARED_SCHEMAS_DIR = join(REPO, 'shared-events', 'src', 'main', 'resources', 'schemas');
