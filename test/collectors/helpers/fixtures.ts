import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** Reads a JSON fixture committed under test/fixtures/collectors/. */
export function loadFixture<T = unknown>(name: string): T {
  const path = fileURLToPath(new URL(`../../fixtures/collectors/${name}`, import.meta.url));
  return JSON.parse(readFileSync(path, 'utf8')) as T;
}
