#!/usr/bin/env node
// `npx backoffice-kpi report …` and `npm start -- …`: runs the bundled CLI (built first when a source changed).
import { ensureBundle } from '../scripts/cli-bundle.mjs';

const { main } = await import(await ensureBundle());
process.exitCode = await main(process.argv.slice(2), process);
