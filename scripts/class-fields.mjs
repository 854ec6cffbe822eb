// markdown-it 15 ships its classes with their fields transpiled to a helper call each:
// `_defineProperty(this, "bMarks", [])`. The helper converts the key, checks `key in this`, then
// stores through a key it cannot know ahead, so V8 takes a megamorphic store for each field of each
// of the ~1.7 M tokens of GitHub's reference (≈ 1 s of a cold build's main thread in profiles;
// md.parse plus render 20 % faster in a micro-benchmark). scripts/bundle-cli.mjs rewrites each call
// on `this` with a constant name into a plain assignment. For a fresh object with no setter of that
// name on its prototype (markdown-it's classes have none) the two define the same own property in
// the same order; test/scripts/class-fields.test.ts renders the same Markdown both ways.

/** `_defineProperty(this, /* doc *\/ "name",` up to the value; the comment is optional. */
const FIELD = /_defineProperty\(\s*this,\s*(?:\/\*(?:(?!\*\/)[\s\S])*\*\/\s*)?"([A-Za-z_$][\w$]*)",/g;

/** `code` with each such field definition as `(this.name = value)`, and how many were rewritten. */
export function assignClassFields(code) {
  let count = 0;
  const out = code.replace(FIELD, (_, name) => {
    count++;
    return `(this.${name} =`;
  });
  return { code: out, count };
}

/** The rolldown plugin: markdown-it's own files only, where the helper is known to mean a class field. */
export const classFieldsAsAssignments = {
  name: 'class-fields-as-assignments',
  transform(code, id) {
    if (!/[\\/]node_modules[\\/]markdown-it[\\/]/.test(id)) return null;
    const { code: out, count } = assignClassFields(code);
    return count ? { code: out, map: null } : null;
  },
};
