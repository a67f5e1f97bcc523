import type { Messages } from '../../core/i18n/types.ts';

/** Texts of the meeting calendar (feeds, invitations) and the meeting packet. Dutch at B1 level first. */
export const meetingsCalendarMessages = {
  // Invitation mails
  'calendar.mail.subject.request': { nl: 'Uitnodiging: {title} op {date}', en: 'Invitation: {title} on {date}' },
  'calendar.mail.subject.update': { nl: 'Gewijzigd: {title} op {date}', en: 'Changed: {title} on {date}' },
  'calendar.mail.subject.cancel': { nl: 'Gaat niet door: {title} op {date}', en: 'Cancelled: {title} on {date}' },
  'calendar.mail.greeting': { nl: 'Beste {name},', en: 'Dear {name},' },
  'calendar.mail.request.intro': {
    nl: 'U bent uitgenodigd voor de vergadering van {council}.',
    en: 'You are invited to the meeting of {council}.',
  },
  'calendar.mail.update.intro': {
    nl: 'De vergadering van {council} is gewijzigd. Hieronder staan de nieuwe gegevens.',
    en: 'The meeting of {council} has changed. The new details are below.',
  },
  'calendar.mail.cancel.intro': {
    nl: 'De vergadering van {council} gaat niet door.',
    en: 'The meeting of {council} is cancelled.',
  },
  'calendar.mail.what': { nl: 'Wat: {title}', en: 'What: {title}' },
  'calendar.mail.when': { nl: 'Wanneer: {date}, {start} tot {end} uur', en: 'When: {date}, {start} to {end}' },
  'calendar.mail.where': { nl: 'Waar: {location}', en: 'Where: {location}' },
  'calendar.mail.online': { nl: 'Online meedoen: {url}', en: 'Join online: {url}' },
  'calendar.mail.agenda': { nl: 'De agenda: {url}', en: 'The agenda: {url}' },
  'calendar.mail.guestFor': { nl: 'U bent uitgenodigd voor dit agendapunt: {items}.', en: 'You are invited for this agenda item: {items}.' },
  'calendar.mail.attachment': {
    nl: 'In de bijlage staat de afspraak voor uw agenda. Open de bijlage om de afspraak in uw agenda te zetten.',
    en: 'The attachment holds the appointment for your calendar. Open it to add the appointment to your calendar.',
  },
  'calendar.mail.cancelAttachment': {
    nl: 'Open de bijlage om de afspraak uit uw agenda te halen.',
    en: 'Open the attachment to remove the appointment from your calendar.',
  },
  'calendar.mail.signature': { nl: 'Met vriendelijke groet,\n{council}', en: 'Kind regards,\n{council}' },
  // Calendar entries
  'calendar.event.agenda': { nl: 'Agenda', en: 'Agenda' },
  'calendar.event.closed': { nl: 'niet openbaar', en: 'closed' },
  'calendar.event.online': { nl: 'Online meedoen', en: 'Join online' },
  'calendar.event.cancelled': { nl: 'Gaat niet door', en: 'Cancelled' },
  'calendar.mode.online': { nl: 'Online', en: 'Online' },
  'calendar.feed.name': { nl: 'Vergaderingen {council}', en: 'Meetings {council}' },
  'calendar.feed.privateName': { nl: 'Vergaderingen {council} (leden)', en: 'Meetings {council} (members)' },
  // Private feed link
  'calendar.link.noMembership': {
    nl: 'Alleen leden van de raad kunnen een agendalink maken.',
    en: 'Only members of the council can make a calendar link.',
  },
  'calendar.link.none': { nl: 'U hebt geen actieve agendalink.', en: 'You have no active calendar link.' },
  // Public meetings page
  'calendar.public.subscribe': {
    nl: 'Wilt u de openbare vergaderingen in uw eigen agenda zien? Abonneer u op de agenda met deze link:',
    en: 'Want to see the public meetings in your own calendar? Subscribe with this link:',
  },
  'calendar.public.feedLink': { nl: 'openbare agenda (iCalendar)', en: 'public calendar (iCalendar)' },
  // Workspace page: the member's calendar link
  'calendar.nav': { nl: 'Agenda-abonnement', en: 'Calendar subscription' },
  'calendar.page.title': { nl: 'Vergaderingen in uw eigen agenda', en: 'Meetings in your own calendar' },
  'calendar.page.intro': {
    nl: 'Met een persoonlijke agendalink ziet u alle vergaderingen van de raad in uw eigen agenda, zoals Outlook, Google Agenda of de agenda op uw telefoon. Verandert er iets? Dan ziet u dat vanzelf.',
    en: 'With a personal calendar link you see every meeting of the council in your own calendar, such as Outlook, Google Calendar or the calendar on your phone. When something changes, you see it automatically.',
  },
  'calendar.page.yourLink': { nl: 'Uw agendalink', en: 'Your calendar link' },
  'calendar.page.none': { nl: 'U hebt nog geen agendalink.', en: 'You do not have a calendar link yet.' },
  'calendar.page.create': { nl: 'Agendalink maken', en: 'Make a calendar link' },
  'calendar.page.active': { nl: 'U hebt een agendalink sinds {date}.', en: 'You have had a calendar link since {date}.' },
  'calendar.page.lastUsed': { nl: 'Uw agenda heeft hem het laatst gebruikt op {date}.', en: 'Your calendar last used it on {date}.' },
  'calendar.page.neverUsed': { nl: 'Uw agenda heeft hem nog niet gebruikt.', en: 'Your calendar has not used it yet.' },
  'calendar.page.lost': {
    nl: 'Wij bewaren de link niet zelf. Bent u hem kwijt? Maak dan een nieuwe link. De oude link werkt dan niet meer.',
    en: 'We do not keep the link ourselves. Lost it? Make a new link. The old link then stops working.',
  },
  'calendar.page.replace': { nl: 'Nieuwe agendalink maken', en: 'Make a new calendar link' },
  'calendar.page.revoke': { nl: 'Agendalink intrekken', en: 'Revoke the calendar link' },
  'calendar.page.revokedNotice': {
    nl: 'Uw agendalink is ingetrokken. Hij werkt niet meer. Uw agenda toont de vergaderingen niet meer.',
    en: 'Your calendar link has been revoked. It no longer works. Your calendar no longer shows the meetings.',
  },
  'calendar.page.created.title': { nl: 'Uw nieuwe agendalink', en: 'Your new calendar link' },
  'calendar.page.created.body': {
    nl: 'Kopieer de link nu en zet hem in uw agenda. U ziet de link maar één keer.',
    en: 'Copy the link now and add it to your calendar. You see the link only once.',
  },
  'calendar.page.created.label': { nl: 'Agendalink om te kopiëren', en: 'Calendar link to copy' },
  'calendar.page.created.webcal': { nl: 'Direct openen in uw agendaprogramma', en: 'Open directly in your calendar app' },
  'calendar.page.howTitle': { nl: 'Zo zet u de link in uw agenda', en: 'How to add the link to your calendar' },
  'calendar.page.howIntro': { nl: 'U abonneert zich op de agenda. Zo doet u dat:', en: 'You subscribe to the calendar. This is how:' },
  'calendar.page.how.outlook': {
    nl: 'Outlook: kies Agenda toevoegen, dan Abonneren via internet. Plak de link en kies Importeren.',
    en: 'Outlook: choose Add calendar, then Subscribe from web. Paste the link and choose Import.',
  },
  'calendar.page.how.google': {
    nl: "Google Agenda (op de computer): klik bij Andere agenda's op het plusteken, kies Via URL en plak de link.",
    en: 'Google Calendar (on a computer): next to Other calendars click the plus sign, choose From URL and paste the link.',
  },
  'calendar.page.how.apple': {
    nl: 'iPhone, iPad of Mac: kies de link Direct openen in uw agendaprogramma, of kies in Agenda: Archief, Nieuw agenda-abonnement.',
    en: 'iPhone, iPad or Mac: choose the link Open directly in your calendar app, or in Calendar choose File, New Calendar Subscription.',
  },
  'calendar.page.secret': {
    nl: 'Deel de link met niemand. Met de link ziet iemand de hele agenda van de raad, ook de punten die niet openbaar zijn. Heeft iemand anders de link? Trek hem dan in.',
    en: 'Do not share the link with anyone. With it, someone sees the whole agenda of the council, including closed items. Does someone else have the link? Then revoke it.',
  },
  'calendar.page.publicTitle': { nl: 'Openbare agenda', en: 'Public calendar' },
  'calendar.page.publicIntro': {
    nl: 'Iedereen kan de openbare agenda volgen. Daarin staan alleen de openbare agendapunten. U mag deze link delen.',
    en: 'Anyone can follow the public calendar. It holds only the public agenda items. You may share this link.',
  },
  // The meeting packet (PDF)
  'calendar.packet.link': { nl: 'Vergaderstukken downloaden (pdf)', en: 'Download the meeting papers (PDF)' },
  'calendar.packet.linkHint': {
    nl: 'De agenda en alle stukken die u mag zien, in één pdf om te printen.',
    en: 'The agenda and all papers you may see, in one PDF to print.',
  },
  'calendar.packet.title': { nl: 'Vergaderstukken', en: 'Meeting papers' },
  'calendar.packet.when': { nl: 'Datum: {date}, {start} tot {end} uur', en: 'Date: {date}, {start} to {end}' },
  'calendar.packet.where': { nl: 'Plaats: {place}', en: 'Place: {place}' },
  'calendar.packet.noAgenda': { nl: 'Er zijn nog geen agendapunten.', en: 'There are no agenda items yet.' },
  'calendar.packet.presenter': { nl: 'Door: {name}', en: 'By: {name}' },
  'calendar.packet.public': { nl: 'Openbaar', en: 'Public' },
  'calendar.packet.closed': { nl: 'Niet openbaar', en: 'Closed' },
  'calendar.packet.attachment': { nl: 'Bijlage {n}: {title} (pagina {page})', en: 'Attachment {n}: {title} (page {page})' },
  'calendar.packet.documents': { nl: 'Bijlagen', en: 'Attachments' },
  'calendar.packet.textShort': { nl: 'alleen de tekst', en: 'text only' },
  'calendar.packet.missingShort': { nl: 'niet toegevoegd', en: 'not added' },
  'calendar.packet.textOnly': {
    nl: 'Dit is de tekst uit het bestand {file}, zonder opmaak. Het bestand zelf staat in de werkruimte.',
    en: 'This is the text from the file {file}, without layout. The file itself is in the workspace.',
  },
  'calendar.packet.notAdded': {
    nl: 'Het bestand {file} kon niet worden toegevoegd. Het is misschien beschadigd of beveiligd. Open het bestand in de werkruimte.',
    en: 'The file {file} could not be added. It may be damaged or protected. Open the file in the workspace.',
  },
  'calendar.packet.noText': {
    nl: 'De tekst van het bestand {file} is nog niet klaar. Open het bestand in de werkruimte, of download de vergaderstukken later opnieuw.',
    en: 'The text of the file {file} is not ready yet. Open the file in the workspace, or download the papers again later.',
  },
  'calendar.packet.tooLarge': {
    nl: 'Het bestand {file} past niet meer in deze pdf, omdat de stukken samen te groot zijn. Open het bestand in de werkruimte.',
    en: 'The file {file} does not fit in this PDF, because the papers together are too large. Open the file in the workspace.',
  },
} satisfies Messages;
