/**
 * What each module adds to the platform's types. Its index.ts names them in one line,
 *
 *   export type MembersTypes = Declares<typeof membersMessages, typeof policy, Audit>;
 *
 * and src/modules.ts, which lists the modules, gives them all to core at once:
 *
 *   declare module './core/module-types.ts' {
 *     interface ModuleTypes { members: MembersTypes; ... }
 *   }
 *
 * The message keys (core/i18n), the policy actions (core/policy.ts) and the audit action names
 * (core/audit/audit.ts) are the union over every module, so core imports no module and a module
 * cannot forget one of the three (its own `t()`, `can()` and audit calls would not compile).
 */
/** @public Filled by declaration merging in each module's manifest. */
export interface ModuleTypes {}

/** A module's message catalogue (its JSON; two with `&`), its policy table and its audit action names. */
export type Declares<Messages extends object, Policy extends object = Record<never, true>, Audit extends `${string}.${string}` = never> = {
  messages: Messages;
  policy: Policy;
  audit: Audit;
};

/** Audit action names grouped by what they act on: `Named<{ member: 'invited' | 'updated' }>` is `'member.invited' | 'member.updated'`. */
export type Named<T> = { [K in keyof T & string]: `${K}.${T[K] & string}` }[keyof T & string];

type KeysOf<F extends 'messages' | 'policy'> = { [M in keyof ModuleTypes]: ModuleTypes[M] extends Record<F, infer X> ? keyof X & string : never }[keyof ModuleTypes];

/** Every module's message keys. */
export type ModuleMessageKey = KeysOf<'messages'>;
/** Every module's policy actions. */
export type ModulePolicyAction = KeysOf<'policy'>;
/** Every module's audit action names. */
export type ModuleAuditAction = { [M in keyof ModuleTypes]: ModuleTypes[M] extends { audit: infer A } ? A : never }[keyof ModuleTypes];
