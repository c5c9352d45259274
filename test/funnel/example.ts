/** The example funnel, compiled once for the machine tests. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { compileFunnel, validateFunnel } from '../../src/core/funnel/index.js';

export const EXAMPLE_PATH = fileURLToPath(new URL('../../funnel.example.yaml', import.meta.url));

export function exampleFunnel() {
  const { funnel, problems } = validateFunnel(parse(readFileSync(EXAMPLE_PATH, 'utf8')));
  if (funnel === undefined) throw new Error(JSON.stringify(problems));
  return funnel;
}

export const compiled = compileFunnel(exampleFunnel());
