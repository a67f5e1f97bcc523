import type { ModuleManifest } from './core/module.ts';
import { installModules } from './core/platform.ts';
import { councilsModule, type CouncilsTypes } from './modules/councils/index.ts';
import { membersModule, type MembersTypes } from './modules/members/index.ts';
import { adviceModule, type AdviceTypes } from './modules/advice/index.ts';
import { signalsModule, type SignalsTypes } from './modules/signals/index.ts';
import { meetingsModule, type MeetingsTypes } from './modules/meetings/index.ts';
import { documentsModule, type DocumentsTypes } from './modules/documents/index.ts';
import { searchModule, type SearchTypes } from './modules/search/index.ts';
import { glossaryModule, type GlossaryTypes } from './modules/glossary/index.ts';
import { apikeysModule, type ApikeysTypes } from './modules/apikeys/index.ts';
import { networkModule, type NetworkTypes } from './modules/network/index.ts';
import { cooperationModule, type CooperationTypes } from './modules/cooperation/index.ts';
import { knowledgeModule, type KnowledgeTypes } from './modules/knowledge/index.ts';
import { policyCalendarModule, type PolicyCalendarTypes } from './modules/policycalendar/index.ts';
import { campaignsModule, type CampaignsTypes } from './modules/campaigns/index.ts';
import { workplanModule, type WorkplanTypes } from './modules/workplan/index.ts';

/**
 * Each module's message keys, policy actions and audit names, given to core in one place
 * (core/module-types.ts): core imports no module, and a module left out here fails to compile.
 */
declare module './core/module-types.ts' {
  interface ModuleTypes {
    councils: CouncilsTypes;
    members: MembersTypes;
    advice: AdviceTypes;
    signals: SignalsTypes;
    meetings: MeetingsTypes;
    documents: DocumentsTypes;
    search: SearchTypes;
    glossary: GlossaryTypes;
    apikeys: ApikeysTypes;
    network: NetworkTypes;
    cooperation: CooperationTypes;
    knowledge: KnowledgeTypes;
    policycalendar: PolicyCalendarTypes;
    campaigns: CampaignsTypes;
    workplan: WorkplanTypes;
  }
}

/**
 * The one list of modules. The app, the worker, the message catalogue, the policy table, the
 * menus, the dashboard and the OpenAPI document are assembled from it; a new module is its
 * folder plus one line here and one in ModuleTypes above.
 */
const platformModules: readonly ModuleManifest[] = [
  councilsModule,
  membersModule,
  adviceModule,
  signalsModule,
  meetingsModule,
  documentsModule,
  searchModule,
  apikeysModule,
  glossaryModule,
  networkModule,
  cooperationModule,
  knowledgeModule,
  policyCalendarModule,
  campaignsModule,
  workplanModule,
];

installModules(platformModules);
