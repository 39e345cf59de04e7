import { fuzzProperty } from './run.js'

/** Fuzzing, dockerfile files from the grammar: see properties.ts for what is checked. */
fuzzProperty('dockerfile/grammar')
