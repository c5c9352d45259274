/** The version in package.json (`smsfunnel --version`), from src/ or from the built dist/src/. */
import { createRequire } from 'node:module';

export function packageVersion(): string {
  const require = createRequire(import.meta.url);
  for (const path of ['../package.json', '../../package.json']) {
    try {
      const pkg = require(path) as { name?: string; version: string };
      if (pkg.name === 'smsfunnel') return pkg.version;
    } catch {
      // not at this depth
    }
  }
  return 'unknown';
}
