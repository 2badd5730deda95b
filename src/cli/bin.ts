#!/usr/bin/env node
import '../runtime-check-cli.js';
import { runCli } from './main.js';

runCli(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, cwd: process.cwd() }).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`stripe-balance-kit: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 2;
  },
);
