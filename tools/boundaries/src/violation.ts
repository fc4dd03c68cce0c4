/** One broken rule: `from` is the file or package.json at fault, `to` what it reached for. */
export interface Violation {
  rule: string;
  from: string;
  to: string;
  message: string;
}
