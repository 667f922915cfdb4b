#!/usr/bin/env node
// `npm start`: installs what is missing, then serves the demo with Vite.
import { spawn } from 'node:child_process';
import { ensureDeps } from './ensure-deps.mjs';

ensureDeps();
const args = process.argv.slice(2);
const child = spawn('npx', ['vite', '--host', '127.0.0.1', ...args], { stdio: 'inherit' });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code) => process.exit(code ?? 0));
