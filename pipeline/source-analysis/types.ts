/**
 * Result shapes of source analysis. Line numbers are 1-based and inclusive throughout.
 */

/** One function, method, closure or lambda with a block body. */
export interface FunctionSpan {
  /** The declared name, a qualified name such as `Class::method`, or `(anonymous)`. */
  name: string;
  /** Line of the function's name (or keyword, or parameter list for anonymous functions). */
  startLine: number;
  /** Line of the closing brace, `end`, or last body line. */
  endLine: number;
  /** Cyclomatic complexity: 1 + decision points inside the body, excluding nested functions. */
  ccn: number;
}

/** What one version of a file looks like to the effective-code engine. */
export interface SourceAnalysis {
  lineCount: number;
  /** 1 at index (line-1) when the line holds only comment text (after trimming), 0 otherwise (blank lines are 0). */
  commentOnly: Uint8Array;
  /** Functions sorted by startLine; nested functions (closures, methods in classes, lambdas with bodies) are separate spans. */
  functions: FunctionSpan[];
}
