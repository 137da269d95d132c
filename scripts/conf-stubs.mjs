// conf imports ajv (for its `schema` option) and semver (for its `migrations` option) at the top
// of its module; dms-tui uses neither (src/config/store.ts checks files against its own schemas),
// so the bundle gives conf these stand-ins instead (about 375 KB less to load before the first
// frame). Using either option fails at once with this message rather than silently.
const unused = (what) => () => {
  throw new Error(`dms-tui bundles conf without ${what}: see scripts/conf-stubs.mjs`);
};

export class Ajv2020 {
  constructor() {
    unused('ajv (conf `schema` option)')();
  }
}
export const ajvFormats = { default: unused('ajv-formats (conf `schema` option)') };
export const semver = new Proxy({}, { get: () => unused('semver (conf `migrations` option)') });
