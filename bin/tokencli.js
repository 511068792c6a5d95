#!/usr/bin/env node
import { main } from '../dist/bundle/main.mjs';

await main(process.argv);
