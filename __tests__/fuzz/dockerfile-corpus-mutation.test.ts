import { fuzzProperty } from './run.js'

/** Fuzzing, dockerfile files from the corpus mutator: see properties.ts for what is checked. */
fuzzProperty('dockerfile/corpus-mutation')
