import type { Messages } from '../../core/i18n/types.ts';

/** Texts of the API keys pages in the workspace. B1 Dutch first. */
export const apikeysMessages = {
  'apikeys.nav': { nl: 'API-sleutels', en: 'API keys' },
  'apikeys.title': { nl: 'API-sleutels', en: 'API keys' },
  'apikeys.intro': {
    nl: 'Met een API-sleutel kan een computersysteem van de gemeente adviesaanvragen en antwoorden doorgeven. De sleutel werkt alleen voor deze adviesraad en met uw rechten.',
    en: 'With an API key a computer system of the municipality can pass on requests for advice and answers. The key only works for this council and with your rights.',
  },
  'apikeys.caption': { nl: 'API-sleutels van deze adviesraad', en: 'API keys of this council' },
  'apikeys.captionOwn': { nl: 'Uw API-sleutels', en: 'Your API keys' },
  'apikeys.empty': { nl: 'Er zijn nog geen API-sleutels.', en: 'There are no API keys yet.' },
  'apikeys.name': { nl: 'Naam', en: 'Name' },
  'apikeys.owner': { nl: 'Van', en: 'Owner' },
  'apikeys.created': { nl: 'Gemaakt op', en: 'Created on' },
  'apikeys.lastUsed': { nl: 'Laatst gebruikt', en: 'Last used' },
  'apikeys.status': { nl: 'Status', en: 'Status' },
  'apikeys.active': { nl: 'Actief', en: 'Active' },
  'apikeys.revoked': { nl: 'Ingetrokken op {date}', en: 'Revoked on {date}' },
  'apikeys.never': { nl: 'Nooit', en: 'Never' },
  'apikeys.action': { nl: 'Actie', en: 'Action' },
  'apikeys.revoke': { nl: 'Intrekken', en: 'Revoke' },
  'apikeys.revokeLabel': { nl: 'Sleutel {name} intrekken', en: 'Revoke key {name}' },
  'apikeys.new': { nl: 'Nieuwe API-sleutel maken', en: 'Create a new API key' },
  'apikeys.nameHint': {
    nl: 'Waar gebruikt u de sleutel? Bijvoorbeeld: zaaksysteem gemeente',
    en: 'Where will you use the key? For example: case system of the municipality',
  },
  'apikeys.create': { nl: 'Sleutel maken', en: 'Create key' },
  'apikeys.noRole': {
    nl: 'U kunt hier geen sleutel maken, omdat u geen rol heeft in deze adviesraad.',
    en: 'You cannot create a key here, because you have no role in this council.',
  },
  'apikeys.created.title': { nl: 'Uw nieuwe API-sleutel', en: 'Your new API key' },
  'apikeys.created.body': {
    nl: 'Kopieer de sleutel nu en bewaar hem veilig. U ziet hem maar één keer. Zet hem in de kop Authorization: Bearer <sleutel>.',
    en: 'Copy the key now and keep it safe. You will see it only once. Put it in the header Authorization: Bearer <key>.',
  },
  'apikeys.created.label': { nl: 'API-sleutel {name}', en: 'API key {name}' },
  'apikeys.revokedNotice': { nl: 'De sleutel is ingetrokken. Hij werkt niet meer.', en: 'The key has been revoked. It no longer works.' },
  'apikeys.docs': { nl: 'Beschrijving van de API (OpenAPI)', en: 'Description of the API (OpenAPI)' },
  'apikeys.alreadyRevoked': { nl: 'Deze sleutel is al ingetrokken.', en: 'This key has already been revoked.' },
  'apikeys.signalsIntro': {
    nl: 'Ook organisaties en partnerraden kunnen met een sleutel signalen van inwoners doorgeven. Een partnerraad met een account maakt zelf een sleutel. Voor een organisatie zonder account maakt u hier een sleutel die alleen signalen kan insturen.',
    en: 'Organisations and partner councils can also pass on signals from residents with a key. A partner council with an account makes its own key. For an organisation without an account you make a key here that can only submit signals.',
  },
  'apikeys.scope': { nl: 'Soort sleutel', en: 'Kind of key' },
  'apikeys.scope.member': { nl: 'Voor mijzelf: werkt met mijn rechten', en: 'For myself: works with my rights' },
  'apikeys.scope.signals': { nl: 'Voor een organisatie: alleen signalen insturen', en: 'For an organisation: only submit signals' },
  'apikeys.scopeHint': {
    nl: 'Kiest u een organisatie, vul dan bij Naam de naam van de organisatie in. Die naam staat bij elk signaal dat met de sleutel binnenkomt.',
    en: 'If you choose an organisation, fill in the name of the organisation under Name. That name is shown with every signal that comes in with the key.',
  },
  'apikeys.kind': { nl: 'Soort', en: 'Type' },
  'apikeys.kind.member': { nl: 'Eigen sleutel', en: 'Own key' },
  'apikeys.kind.signals': { nl: 'Alleen signalen', en: 'Signals only' },
} satisfies Messages;
