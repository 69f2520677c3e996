/**
 * Numeric op codes used while a commit is being decided: one byte per line in a typed array
 * instead of a string per line. {@link OP_NAMES} maps them to the public {@link LineOp} names.
 */
import type { LineOp } from './types.js';

export const UNDECIDED = 0;
export const NOOP = 1;
export const COMMENT = 2;
export const TRIVIAL = 3;
export const MOVE = 4;
export const COPY_PASTE = 5;
export const UPDATE = 6;
export const UPDATE_PAIR = 7;
export const FIND_REPLACE = 8;
export const FIND_REPLACE_PAIR = 9;
export const ADD = 10;
export const DELETE = 11;

/** Public name of each op code, indexed by code (`UNDECIDED` never leaves the detector). */
export const OP_NAMES: readonly LineOp[] = [
  'add', // UNDECIDED: unreachable once detection finished
  'noop',
  'comment',
  'trivial',
  'move',
  'copy_paste',
  'update',
  'update_pair',
  'find_replace',
  'find_replace_pair',
  'add',
  'delete',
];
