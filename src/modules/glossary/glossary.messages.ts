import type { Messages } from '../../core/i18n/index.ts';

/** The glossary: words residents and new members meet, explained at B1 level. */
export const glossaryMessages = {
  'glossary.title': { nl: 'Wat betekent dit?', en: 'What does this mean?' },
  'glossary.intro': {
    nl: 'Op deze website staan soms woorden die niet iedereen kent. Hier leggen we ze uit.',
    en: 'This website sometimes uses words that not everyone knows. We explain them here.',
  },
  'glossary.footer': { nl: 'Woordenlijst', en: 'Glossary' },
  'glossary.wordsHelp': { nl: 'Wat betekent:', en: 'What does this mean:' },
  'glossary.term.signaal': { nl: 'Signaal', en: 'Signal (signaal)' },
  'glossary.def.signaal': {
    nl: 'Een melding van een inwoner over een probleem, bijvoorbeeld met zorg, vervoer of geld. De raad gebruikt signalen om de gemeente goed advies te geven. De raad lost uw probleem niet zelf op.',
    en: 'A report from a resident about a problem, for example with care, transport or money. The council uses signals to give the municipality good advice. The council does not solve your problem itself.',
  },
  'glossary.term.dubbel': { nl: 'Dubbel signaal', en: 'Duplicate signal' },
  'glossary.def.dubbel': {
    nl: 'Een signaal over hetzelfde als een signaal dat de raad al had. De raad telt het mee, maar behandelt het niet nog een keer apart.',
    en: 'A signal about the same thing as a signal the council already had. The council counts it, but does not deal with it separately again.',
  },
  'glossary.term.advies': { nl: 'Advies (gevraagd en ongevraagd)', en: 'Advice (requested and unsolicited)' },
  'glossary.def.advies': {
    nl: 'Een brief van de raad aan de gemeente met een mening en aanbevelingen over beleid. De gemeente kan om advies vragen (gevraagd advies). De raad kan ook zelf advies geven (ongevraagd advies).',
    en: 'A letter from the council to the municipality with an opinion and recommendations on policy. The municipality can ask for advice (requested advice). The council can also give advice on its own initiative (unsolicited advice).',
  },
  'glossary.term.conceptadvies': { nl: 'Conceptadvies', en: 'Draft advice (conceptadvies)' },
  'glossary.def.conceptadvies': {
    nl: 'De tekst van een advies voordat de raad hem heeft goedgekeurd. Alleen de leden van de raad lezen het concept.',
    en: 'The text of an advice before the council has approved it. Only the members of the council read the draft.',
  },
  'glossary.term.terInstemming': { nl: 'Ter instemming', en: 'For approval (ter instemming)' },
  'glossary.def.terInstemming': {
    nl: 'De leden stemmen over het conceptadvies. Zijn genoeg leden het eens, dan is het advies aangenomen.',
    en: 'The members vote on the draft advice. When enough members agree, the advice is adopted.',
  },
  'glossary.term.vaststellen': { nl: 'Vaststellen', en: 'Adopt (vaststellen)' },
  'glossary.def.vaststellen': {
    nl: 'Definitief maken. Een vastgesteld advies of verslag verandert niet meer.',
    en: 'To make final. An adopted advice or set of minutes does not change any more.',
  },
  'glossary.term.kenmerk': { nl: 'Kenmerk', en: 'Reference (kenmerk)' },
  'glossary.def.kenmerk': {
    nl: 'Een nummer waarmee u een advies of signaal terugvindt, bijvoorbeeld 2026-004. Noem het kenmerk als u de raad over iets mailt of belt.',
    en: 'A number to find an advice or signal again, for example 2026-004. Mention the reference when you e-mail or call the council about something.',
  },
  'glossary.term.nietOpenbaar': { nl: 'Niet openbaar', en: 'Closed (niet openbaar)' },
  'glossary.def.nietOpenbaar': {
    nl: 'Een deel van een vergadering of een document dat het publiek niet ziet, bijvoorbeeld omdat het over een persoon gaat.',
    en: 'A part of a meeting or a document the public does not see, for example because it is about a person.',
  },
  'glossary.term.woo': { nl: 'Woo', en: 'Woo (Open Government Act)' },
  'glossary.def.woo': {
    nl: 'De Wet open overheid. Die wet zegt dat informatie van de overheid openbaar is, behalve als er een goede reden is om iets geheim te houden. Die reden heet een Woo-grond.',
    en: 'The Open Government Act. It says that government information is public, unless there is a good reason to keep something secret. That reason is called a Woo ground.',
  },
  'glossary.term.wmo': { nl: 'Wmo', en: 'Wmo (Social Support Act)' },
  'glossary.def.wmo': {
    nl: 'De Wet maatschappelijke ondersteuning. Daarmee helpt de gemeente mensen om thuis te blijven wonen en mee te doen, bijvoorbeeld met huishoudelijke hulp of vervoer.',
    en: 'The Social Support Act. With it, the municipality helps people to keep living at home and take part, for example with household help or transport.',
  },
  'glossary.term.clientondersteuning': { nl: 'Cliëntondersteuning', en: 'Client support (cliëntondersteuning)' },
  'glossary.def.clientondersteuning': {
    nl: 'Gratis hulp van iemand die niet voor de gemeente werkt, als u zorg of ondersteuning aanvraagt. Die persoon gaat bijvoorbeeld mee naar een gesprek.',
    en: 'Free help from someone who does not work for the municipality when you apply for care or support. That person can, for example, come with you to a meeting.',
  },
  'glossary.term.atom': { nl: 'Atom-feed', en: 'Atom feed' },
  'glossary.def.atom': {
    nl: 'Een link die u in een nieuwslezer zet. Dan ziet u vanzelf elk nieuw advies van de raad, zonder de website te bezoeken.',
    en: 'A link you put in a news reader. Then you automatically see every new advice from the council, without visiting the website.',
  },
  'glossary.term.ical': { nl: 'Agenda-abonnement (iCalendar)', en: 'Calendar subscription (iCalendar)' },
  'glossary.def.ical': {
    nl: 'Een link die u in uw agenda-app zet, zoals Outlook, Google Agenda of Apple Agenda. Dan staan de vergaderingen van de raad vanzelf in uw agenda, ook als ze verschuiven.',
    en: 'A link you put in your calendar app, such as Outlook, Google Calendar or Apple Calendar. Then the council’s meetings appear in your calendar automatically, also when they move.',
  },
  'glossary.term.werkgroep': { nl: 'Werkgroep', en: 'Working group' },
  'glossary.def.werkgroep': {
    nl: 'Een paar leden van de raad die samen een onderwerp voorbereiden, bijvoorbeeld jeugd of werk en inkomen. De werkgroep schrijft het eerste concept van een advies.',
    en: 'A few members of the council who prepare a topic together, for example youth or work and income. The working group writes the first draft of an advice.',
  },
} satisfies Messages;
