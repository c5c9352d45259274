#!/usr/bin/env node
import { start } from '../dist/src/cli.js';

start();
