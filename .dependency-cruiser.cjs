/**
 * Module boundaries (docs/decisions/0012-platform-shape.md). The rules name no module, so a new
 * folder under src/modules is covered without editing them. Run by `npm test` (npm run lint:deps).
 */
const TEST = '(\\.test\\.tsx?|\\.test-helpers\\.ts)$';
module.exports = {
  forbidden: [
    {
      name: 'core-imports-no-module',
      severity: 'error',
      comment: 'src/core and src/ui are beneath the modules: they learn about modules only through the installed manifests (core/platform.ts).',
      from: { path: '^src/(core|ui)/' },
      to: { path: '^src/modules/' },
    },
    {
      name: 'module-uses-public-surface',
      severity: 'error',
      comment:
        "A module uses another module only through that module's index.ts. Schema files may import another schema file, for foreign keys only; tests may use another module's test helpers.",
      from: { path: '^src/modules/([^/]+)/', pathNot: [TEST, '\\.schema\\.ts$'] },
      to: { path: '^src/modules/([^/]+)/.+', pathNot: ['^src/modules/$1/', '^src/modules/[^/]+/index\\.ts$'] },
    },
    {
      name: 'schema-imports-only-schema',
      severity: 'error',
      comment: 'A schema file may reach into another module for a foreign key target only.',
      from: { path: '^src/modules/([^/]+)/.+\\.schema\\.ts$' },
      to: { path: '^src/modules/([^/]+)/', pathNot: ['^src/modules/$1/', '\\.schema\\.ts$'] },
    },
    {
      name: 'tests-use-test-surface',
      severity: 'error',
      comment: "A test uses another module through its index.ts or its test helpers, not its internals.",
      from: { path: `^src/modules/([^/]+)/.*${TEST}` },
      to: { path: '^src/modules/([^/]+)/.+', pathNot: ['^src/modules/$1/', '^src/modules/[^/]+/index\\.ts$', TEST] },
    },
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'No import cycles at run time (type-only imports are erased and do not count).',
      from: { path: '^src/' },
      to: { circular: true, dependencyTypesNot: ['type-only'], viaOnly: { dependencyTypesNot: ['type-only'] } },
    },
    {
      name: 'not-to-unresolvable',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default', 'types'], extensions: ['.ts', '.tsx', '.js', '.mjs'] },
    exclude: { path: '(^|/)node_modules/' },
  },
};
