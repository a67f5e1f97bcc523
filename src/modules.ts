import type { ModuleManifest } from './core/module.ts';
import { installModules } from './core/platform.ts';
import { councilsModule } from './modules/councils/index.ts';
import { membersModule } from './modules/members/index.ts';
import { adviceModule } from './modules/advice/index.ts';
import { signalsModule } from './modules/signals/index.ts';
import { meetingsModule } from './modules/meetings/index.ts';
import { documentsModule } from './modules/documents/index.ts';
import { searchModule } from './modules/search/index.ts';
import { glossaryModule } from './modules/glossary/index.ts';
import { apikeysModule } from './modules/apikeys/index.ts';
import { networkModule } from './modules/network/index.ts';
import { cooperationModule } from './modules/cooperation/index.ts';
import { knowledgeModule } from './modules/knowledge/index.ts';
import { policyCalendarModule } from './modules/policycalendar/index.ts';
import { campaignsModule } from './modules/campaigns/index.ts';
import { workplanModule } from './modules/workplan/index.ts';

/**
 * The one list of modules. The app, the worker, the message catalogue, the policy table, the
 * menus, the dashboard and the OpenAPI document are assembled from it; a new module is its
 * folder plus one line here.
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
