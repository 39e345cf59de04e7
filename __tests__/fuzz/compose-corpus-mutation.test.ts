import { fuzzProperty } from './run.js'

/** Fuzzing, compose files from the corpus mutator: see properties.ts for what is checked. */
fuzzProperty('compose/corpus-mutation')
