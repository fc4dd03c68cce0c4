/** The trainers' dense row-major matrix, shared by the evaluation code. */
export type { Matrix } from '../matrix.ts';
