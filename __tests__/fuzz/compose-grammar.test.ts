import { fuzzProperty } from './run.js'

/** Fuzzing, compose files from the grammar: see properties.ts for what is checked. */
fuzzProperty('compose/grammar')
