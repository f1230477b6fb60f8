import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

/**
 * The team's contracts live in ../shared (beside the repository where the team and CI keep it); docs/ holds word-for-word
 * copies the code follows. What the project adds beyond a contract has its own page (docs/CLI-EXTENSIONS.md,
 * docs/ARCHITECTURE.md), so a copy never drifts from its contract. A lone clone has only the copies: it checks they are there.
 */
const CONTRACTS = ['CLI-INPUT.md', 'DESIGN.md', 'GLOSSARY-VI.md', 'INTERNAL-MARKET.md', 'SHEETS-FUNCTIONS.md'];

describe('docs/ copies of the shared contracts', () => {
  it('docs/ holds a copy of each contract the code follows', () => {
    for (const name of CONTRACTS) expect(readFileSync(new URL(`../docs/${name}`, import.meta.url), 'utf8'), name).toMatch(/^# /);
  });

  for (const name of CONTRACTS) {
    const contract = new URL(`../../shared/${name}`, import.meta.url);
    if (existsSync(contract)) {
      it(`docs/${name} is the shared contract, word for word`, () => {
        expect(readFileSync(new URL(`../docs/${name}`, import.meta.url), 'utf8')).toBe(readFileSync(contract, 'utf8'));
      });
    }
  }
});
